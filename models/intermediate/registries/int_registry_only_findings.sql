{#- Spend of suppliers missing from the filiale's fournisseurs extract that
    the registries classified, a findings family of int_registry_findings
    apart from unclassified spend (nobody knows those suppliers): the detail
    says which classification stays unknown (no source decided it). -#}
select
    spend.filiale_code,
    spend.spend_year as year,
    'supplier_classified_by_registries' as finding,
    'factures' as extract,
    'SIRET absent des fournisseurs de la filiale : classé par les registres'
    || case when spend.sme_source is null then ' ; PME non classé' else '' end
    || case when spend.departement_source is null then ' ; local non classé' else '' end as detail,
    count(*) as rows_count,
    sum(spend.spend_amount_ht) as amount_ht,
    ['O6_1', 'O8_1', 'O9_3'] as affected_indicators
from {{ ref('int_spend_lines') }} as spend
inner join {{ ref('int_suppliers_classified') }} as suppliers
    on spend.filiale_code = suppliers.filiale_code and spend.supplier_siret = suppliers.siret
where not suppliers.is_erp_supplier
group by all
