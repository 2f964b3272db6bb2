{#- The filiale figures of every published build (fct_indicators.parquet). -#}
select
    build_id,
    filiale_code,
    year,
    indicator_code,
    unit,
    numerator,
    denominator,
    value
from {{ source('history', 'indicators') }}
