{#- The data-quality findings of the registries, in the shape of
    fct_data_quality, which lists them: ERP and registry disagreeing (both
    values, the spend they move), invoices dated after their establishment
    closed, spend of suppliers missing from the fournisseurs extract that the
    registries classified, and registry rows ignored for a malformed key or
    an unreadable ESUS date. The registries are the group's: an ignored row
    is listed under every filiale, year empty, and moves no figure (no valid
    SIRET can match it). -#}
with disagreements as (
    select
        filiale_code,
        spend_year as year,
        'registry_disagreement' as finding,
        'fournisseurs' as extract,
        case classification when 'sme' then 'PME' when 'local' then 'local' else 'ESS' end
        || ' : ERP ' || erp_value || ', ' || registry || ' ' || registry_value as detail,
        count(*) as rows_count,
        sum(spend_amount_ht) as amount_ht,
        [case classification when 'sme' then 'O8_1' when 'local' then 'O9_3' else 'O6_1' end] as affected_indicators
    from {{ ref('int_registry_disagreements') }}
    group by all
),

after_closure as (
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
),

registry_only as (
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
),

findings as (
    select * from disagreements
    union all
    select * from after_closure
    union all
    select * from registry_only
    union all
    select
        filiales.filiale_code,
        null as year,
        ignored_rows.finding,
        ignored_rows.extract,
        ignored_rows.detail,
        ignored_rows.rows_count,
        null as amount_ht,
        [] as affected_indicators
    from {{ ref('stg_extracts__filiales') }} as filiales
    cross join {{ ref('int_registry_ignored_rows') }} as ignored_rows
)

select
    filiale_code::varchar as filiale_code,
    year::integer as year,
    finding::varchar as finding,
    extract::varchar as extract,
    detail::varchar as detail,
    rows_count::bigint as rows_count,
    amount_ht::double as amount_ht,
    affected_indicators::varchar[] as affected_indicators
from findings
