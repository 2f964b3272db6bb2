{#- Supplier classification shared by the spend indicators (O6_1, O8_1,
    O9_3): SME, local to the filiale's territory, social and solidarity
    economy, each with the source that decided it. A registry that knows
    the supplier decides (registries.md), its `fournisseurs` row otherwise;
    a supplier that neither knows is absent (unclassified). Without
    registries these are the ERP rows, classified as they always were. ESS
    may depend on the day (ESUS agreements): `is_ess` is "ESS on at least one
    day of the reporting years", and the ESS facts are kept so that
    int_spend_lines decides each invoice on its own date. -#}
with registries as (
    select *
    from {{ ref('int_supplier_registry_facts') }}
    where is_sirene_legal_unit or is_sirene_establishment or is_in_ess_france or len(esus_agreements) > 0
),

facts as (
    select
        coalesce(erp.filiale_code, registries.filiale_code) as filiale_code,
        coalesce(erp.siret, registries.siret) as siret,
        left(coalesce(erp.siret, registries.siret), 9) as siren,
        erp.siret is not null as is_erp_supplier,
        erp.company_name,
        erp.company_category,
        erp.headcount_band,
        erp.departement_code,
        coalesce(erp.is_ess_sirene, false) or coalesce(erp.has_esus_agreement, false) as erp_is_ess,
        erp.source_file,
        erp.line_number,
        registries.* exclude (filiale_code, siret, siren)
    from {{ ref('stg_extracts__suppliers') }} as erp
    full join registries
        on erp.filiale_code = registries.filiale_code and erp.siret = registries.siret
),

decided as (
    select
        *,
        case when is_sirene_legal_unit then 'sirene' when is_erp_supplier then 'erp' end as sme_source,
        case
            when is_sirene_legal_unit then {{ supplier_is_sme('sirene_company_category', 'sirene_headcount_band') }}
            when is_erp_supplier then {{ supplier_is_sme('company_category', 'headcount_band') }}
        end as is_sme,
        case when is_sirene_establishment then 'sirene' when is_erp_supplier then 'erp' end as departement_source,
        case when is_sirene_establishment then sirene_departement_code else departement_code end as used_departement,
        list_concat(
            case when is_sirene_legal_unit then ['sirene'] else []::varchar[] end,
            case when is_in_ess_france then ['ess_france'] else []::varchar[] end,
            case when len(esus_agreements) > 0 then ['esus'] else []::varchar[] end
        ) as ess_registries,
        list_concat(
            case when sirene_ess_code = 'O' then ['sirene'] else []::varchar[] end,
            case when is_in_ess_france then ['ess_france'] else []::varchar[] end
        ) as ess_registries_saying_ess
    from facts
)

{%- set reporting_years = esus_agreement_valid_during(
    'make_date(' ~ var('spaser_first_year') ~ ', 1, 1)', 'make_date(' ~ var('spaser_last_year') ~ ', 12, 31)'
) %}

select
    decided.filiale_code,
    decided.siret,
    coalesce(decided.company_name, decided.sirene_company_name, decided.esus_company_name) as company_name,
    decided.used_departement as departement_code,
    decided.is_sme,
    case
        when decided.departement_source is not null
            then coalesce(list_contains(filiales.departement_codes, decided.used_departement), false)
    end as is_local,
    {{ supplier_is_ess(reporting_years, 'case when decided.is_erp_supplier then decided.erp_is_ess end', 'decided') }}
        as is_ess,
    decided.source_file,
    decided.line_number,
    decided.siren,
    decided.is_erp_supplier,
    decided.sme_source,
    decided.departement_source,
    {{ supplier_ess_source(reporting_years, "case when decided.is_erp_supplier then 'erp' end", 'decided') }}
        as ess_source,
    case
        when decided.is_erp_supplier then {{ supplier_is_sme('decided.company_category', 'decided.headcount_band') }}
    end as erp_is_sme,
    decided.departement_code as erp_departement_code,
    case
        when decided.is_erp_supplier
            then coalesce(list_contains(filiales.departement_codes, decided.departement_code), false)
    end as erp_is_local,
    case when decided.is_erp_supplier then decided.erp_is_ess end as erp_is_ess,
    decided.ess_registries,
    decided.ess_registries_saying_ess,
    decided.esus_agreements
from decided
inner join {{ ref('stg_extracts__filiales') }} as filiales
    on decided.filiale_code = filiales.filiale_code
