{#- Each spend line whose supplier the ERP classifies one way and a registry,
    which decided, the other (registries.md): SME (ERP PME, SIRENE GE), local
    (ERP local, establishment elsewhere), ESS on the invoice date (ERP ESS,
    registries not). Both values are kept, with the spend the line moves. -#}
with lines as (
    select
        spend.filiale_code,
        spend.spend_year,
        spend.invoice_id,
        spend.source_file,
        spend.line_number,
        spend.supplier_siret,
        spend.spend_amount_ht,
        spend.is_sme_supplier,
        spend.is_local_supplier,
        spend.is_ess_supplier,
        spend.sme_source,
        spend.departement_source,
        spend.ess_source,
        suppliers.erp_is_sme,
        suppliers.erp_is_local,
        suppliers.erp_is_ess,
        suppliers.erp_departement_code,
        suppliers.departement_code,
        coalesce(erp.company_category, 'tranche ' || erp.headcount_band, 'vide') as erp_size,
        coalesce(facts.sirene_company_category, 'tranche ' || facts.sirene_headcount_band, 'vide') as sirene_size
    from {{ ref('int_spend_lines') }} as spend
    inner join {{ ref('int_suppliers_classified') }} as suppliers
        on spend.filiale_code = suppliers.filiale_code and spend.supplier_siret = suppliers.siret
    inner join {{ ref('stg_extracts__suppliers') }} as erp
        on spend.filiale_code = erp.filiale_code and spend.supplier_siret = erp.siret
    inner join {{ ref('int_supplier_registry_facts') }} as facts
        on spend.filiale_code = facts.filiale_code and spend.supplier_siret = facts.siret
    -- The branches below read these lines three times: keep only the disagreeing ones.
    where
        (spend.sme_source <> 'erp' and suppliers.erp_is_sme <> spend.is_sme_supplier)
        or (spend.departement_source <> 'erp' and suppliers.erp_is_local <> spend.is_local_supplier)
        or (spend.ess_source <> 'erp' and suppliers.erp_is_ess <> spend.is_ess_supplier)
),

disagreements as (
    select
        *,
        'sme' as classification,
        sme_source as registry,
        case when erp_is_sme then 'PME' else 'non PME' end || ' (' || erp_size || ')' as erp_value,
        case when is_sme_supplier then 'PME' else 'non PME' end || ' (' || sirene_size || ')' as registry_value
    from lines
    where sme_source <> 'erp' and erp_is_sme <> is_sme_supplier
    union all
    select
        *,
        'local' as classification,
        departement_source as registry,
        case when erp_is_local then 'local' else 'non local' end || ' (' || coalesce(erp_departement_code, 'aucun département') || ')' as erp_value,
        case when is_local_supplier then 'local' else 'non local' end || ' (' || coalesce(departement_code, 'aucun département') || ')' as registry_value
    from lines
    where departement_source <> 'erp' and erp_is_local <> is_local_supplier
    union all
    select
        *,
        'ess' as classification,
        ess_source as registry,
        case when erp_is_ess then 'ESS' else 'non ESS' end as erp_value,
        case when is_ess_supplier then 'ESS' else 'non ESS' end || ' à la date de facture' as registry_value
    from lines
    where ess_source <> 'erp' and erp_is_ess <> is_ess_supplier
)

select
    filiale_code,
    spend_year,
    invoice_id,
    source_file,
    line_number,
    supplier_siret,
    classification,
    registry,
    erp_value,
    registry_value,
    spend_amount_ht
from disagreements
