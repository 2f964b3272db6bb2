{#- Invoices dated after their supplier's establishment closed (SIRENE),
    strictly: a findings family of int_registry_findings, by filiale and
    spend year. Only O9_3 is affected: the local classification comes from
    the establishment, SME and ESS from the company (SIREN). -#}
select
    spend.filiale_code,
    spend.spend_year as year,
    'invoice_after_establishment_closure' as finding,
    'factures' as extract,
    'facture datée après la fermeture de l''établissement (SIRENE)' as detail,
    count(*) as rows_count,
    sum(spend.spend_amount_ht) as amount_ht,
    ['O9_3'] as affected_indicators
from {{ ref('int_spend_lines') }} as spend
inner join {{ ref('int_supplier_registry_facts') }} as facts
    on spend.filiale_code = facts.filiale_code and spend.supplier_siret = facts.siret
inner join {{ ref('stg_extracts__invoices') }} as invoices
    on spend.filiale_code = invoices.filiale_code and spend.invoice_id = invoices.invoice_id
where facts.sirene_closure_date is not null and facts.sirene_closure_date < invoices.invoice_date
group by all
