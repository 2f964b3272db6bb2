{#- The supplier dimension BI tools join on (filiale_code, siret): every
    supplier the delivery names, with each classification's value and the
    source that decided it, the ERP row it came from, and what the ERP says
    next to what the registries say. -#}
select
    facts.filiale_code::varchar as filiale_code,
    facts.siret::varchar as siret,
    facts.siren::varchar as siren,
    coalesce(classified.company_name, facts.sirene_company_name, facts.esus_company_name, erp.company_name)::varchar
        as company_name,
    classified.is_sme::boolean as is_sme,
    classified.sme_source::varchar as sme_source,
    classified.departement_code::varchar as departement,
    classified.departement_source::varchar as departement_source,
    classified.is_local::boolean as is_local,
    classified.is_ess::boolean as is_ess,
    classified.ess_source::varchar as ess_source,
    (erp.siret is not null)::boolean as is_erp_supplier,
    erp.source_file::varchar as erp_source_file,
    erp.line_number::bigint as erp_line_number,
    classified.erp_is_sme::boolean as erp_is_sme,
    classified.erp_departement_code::varchar as erp_departement,
    classified.erp_is_local::boolean as erp_is_local,
    classified.erp_is_ess::boolean as erp_is_ess,
    facts.sirene_company_category::varchar as sirene_company_category,
    facts.sirene_headcount_band::varchar as sirene_headcount_band,
    (facts.sirene_legal_unit_state = 'C')::boolean as is_legal_unit_ceased,
    facts.sirene_closure_date::date as establishment_closure_date,
    nullif(array_to_string(
        [
            -- `agreement` is the comprehension's own variable.
            coalesce(strftime(agreement.start_date, '%d/%m/%Y'), '…') || ' - '  -- noqa: RF01
            || coalesce(strftime(agreement.end_date, '%d/%m/%Y'), '…')  -- noqa: RF01
            for agreement in facts.esus_agreements
        ],
        ' ; '
    ), '')::varchar as esus_agreement_periods
from {{ ref('int_supplier_registry_facts') }} as facts
left join {{ ref('int_suppliers_classified') }} as classified
    on facts.filiale_code = classified.filiale_code and facts.siret = classified.siret
left join {{ ref('stg_extracts__suppliers') }} as erp
    on facts.filiale_code = erp.filiale_code and facts.siret = erp.siret
