{#- The supplier dimension BI tools join on (filiale_code, siret): every
    supplier the delivery names, with each classification's value and the
    source that decided it, the ERP row it came from, and what the ERP says
    next to what the registries say. -#}
with suppliers as (
    select
        facts.filiale_code,
        facts.siret,
        facts.siren,
        coalesce(classified.company_name, facts.sirene_company_name, facts.esus_company_name, erp.company_name)
            as company_name,
        classified.is_sme,
        classified.sme_source,
        classified.departement_code as departement,
        classified.departement_source,
        classified.is_local,
        classified.is_ess,
        classified.ess_source,
        erp.siret is not null as is_erp_supplier,
        erp.source_file as erp_source_file,
        erp.line_number as erp_line_number,
        classified.erp_is_sme,
        classified.erp_departement_code as erp_departement,
        classified.erp_is_local,
        classified.erp_is_ess,
        facts.sirene_company_category,
        facts.sirene_headcount_band,
        facts.sirene_legal_unit_state = 'C' as is_legal_unit_ceased,
        facts.sirene_closure_date as establishment_closure_date,
        nullif(array_to_string(
            [
                -- `agreement` is the comprehension's own variable.
                coalesce(strftime(agreement.start_date, '%d/%m/%Y'), '…') || ' - '  -- noqa: RF01
                || coalesce(strftime(agreement.end_date, '%d/%m/%Y'), '…')  -- noqa: RF01
                for agreement in facts.esus_agreements
            ],
            ' ; '
        ), '') as esus_agreement_periods
    from {{ ref('int_supplier_registry_facts') }} as facts
    left join {{ ref('int_suppliers_classified') }} as classified
        on facts.filiale_code = classified.filiale_code and facts.siret = classified.siret
    left join {{ ref('stg_extracts__suppliers') }} as erp
        on facts.filiale_code = erp.filiale_code and facts.siret = erp.siret
)

{{ contract_select('suppliers') }}
