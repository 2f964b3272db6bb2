{#- The filiale figures of every published build (fct_indicators.parquet). -#}
select {{- history_columns('indicators') }}
from {{ source('history', 'indicators') }}
