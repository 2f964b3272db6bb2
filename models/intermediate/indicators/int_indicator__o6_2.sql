{#- Jobs supported by the spend: amount in M€ times the jobs-per-million-euro
    ratio of the line's segment (a provisional default until the group loads
    ratios derived from its own TETE runs). -#}
select {{ evidence_columns('O6_2', 'factures', 'spend_year', 'invoice_id', 'jobs_fte') }}
from {{ ref('int_spend_jobs_estimated') }}
