{#- The filiale-years whose reconciliation can be told: the books cover the
    year (int_ledger_years_covered) and the filiale delivered its ERP
    invoices (`factures`). Any other filiale-year is unknown: without one of
    the two sides there is nothing to tie. -#}
select
    covered.filiale_code,
    covered.year
from {{ ref('int_ledger_years_covered') }} as covered
semi join {{ ref('stg_extracts__delivery_files') }} as files
    on covered.filiale_code = files.filiale_code and files.extract = 'factures'
