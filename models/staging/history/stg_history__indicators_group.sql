{#- The group figures of every published build (fct_indicators_group.parquet). -#}
select
    build_id,
    year,
    indicator_code,
    unit,
    numerator,
    denominator,
    value
from {{ source('history', 'indicators_group') }}
