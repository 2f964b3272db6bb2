{#- The published builds of the history, one row each (build.parquet). -#}
select {{- history_columns('builds') }}
from {{ source('history', 'builds') }}
