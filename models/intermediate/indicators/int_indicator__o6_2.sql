{#- Jobs supported by the spend (TETE method): amount in M€ times the
    jobs-per-million-euro ratio of the contract's segment, HORS_MARCHE when
    the invoice has no known contract. -#}
with spend as (
    select
        spend.*,
        ratios.fte_per_meur
    from {{ ref('int_spend_lines') }} as spend
    inner join {{ ref('jobs_per_million_eur') }} as ratios
        on coalesce(spend.contract_segment, 'HORS_MARCHE') = ratios.segment
)

select
    {{ evidence_columns(
        'O6_2', 'factures', 'spend_year', 'invoice_id', 'spend_amount_ht * fte_per_meur / 1000000'
    ) }}
from spend
