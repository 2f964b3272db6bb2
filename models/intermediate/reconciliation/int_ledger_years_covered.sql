{#- The years the books of a filiale cover: a year in which at least one kept
    line of its FEC files is dated (EcritureDate). The reconciliation of any
    other year, and of a filiale without FEC, is unknown. -#}
select distinct
    filiale_code,
    year(entry_date) as year
from {{ ref('stg_accounting__fec_lines') }}
