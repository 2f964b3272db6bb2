{#- The group figures of every published build (fct_indicators_group.parquet). -#}
select {{- history_columns('indicators_group') }}
from {{ source('history', 'indicators_group') }}
