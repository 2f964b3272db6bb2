{#- Jobs supported by the spend: amount in M€ times the jobs-per-million-euro
    ratio of the line's segment (a provisional default until the group loads
    ratios derived from its own TETE runs). -#}
with spend_lines_in_jobs as (
    select
        *,
        spend_year as year,
        invoice_id as business_key,
        jobs_fte as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_spend_jobs_estimated') }}
)

select {{ evidence_columns('O6_2', 'factures', ['spend_amount_ht', 'ratio_segment', 'fte_per_meur', 'ratio_source', 'is_default_ratio']) }}
from spend_lines_in_jobs
