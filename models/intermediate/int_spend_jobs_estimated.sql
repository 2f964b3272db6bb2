{{ config(materialized='view') }}

{#- Jobs estimated from the spend: each spend line with the jobs-per-million-
    euro ratio of its contract's segment (HORS_MARCHE without a known
    contract) and where that ratio comes from. A view: O6_2 and its caveat
    read it, and a table would copy the spend lines once more. -#}
select
    spend.filiale_code,
    spend.invoice_id,
    spend.spend_year,
    spend.spend_amount_ht,
    ratios.segment as ratio_segment,
    ratios.fte_per_meur,
    ratios.source as ratio_source,
    ratios.source = 'defaut' as is_default_ratio,
    spend.spend_amount_ht * ratios.fte_per_meur / 1000000 as jobs_fte,
    spend.source_file,
    spend.line_number
from {{ ref('int_spend_lines') }} as spend
inner join {{ ref('jobs_per_million_eur') }} as ratios
    on coalesce(spend.contract_segment, 'HORS_MARCHE') = ratios.segment
