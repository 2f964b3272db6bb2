{#- The input contract as the raw layer landed it: one row per extract and
    column, with the indicators reading the column. -#}
select
    extract,
    column_name,
    indicators
from {{ source('extracts', 'contract_columns') }}
