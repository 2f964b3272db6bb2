{#- Every supplier the delivery names, per filiale (kept `fournisseurs` rows
    and valid SIRETs of kept invoices), with what each registry says about
    it: the registry facts the classification rules read (nulls and false
    when no registry is provided). -#}
with seen as (
    select
        filiale_code,
        siret
    from {{ ref('stg_extracts__suppliers') }}
    union
    select
        filiale_code,
        supplier_siret as siret
    from {{ ref('stg_extracts__invoices') }}
    where supplier_siret is not null
),

esus as (
    select
        siren,
        list(
            { 'start_date': agreement_start_date, 'end_date': agreement_end_date }
            order by source_file, row_number_in_file
        ) as esus_agreements,
        first(company_name order by source_file, row_number_in_file) as esus_company_name
    from {{ ref('stg_registries__esus_agreements') }}
    group by siren
)

select
    seen.filiale_code,
    seen.siret,
    left(seen.siret, 9) as siren,
    legal_units.siren is not null as is_sirene_legal_unit,
    legal_units.company_category as sirene_company_category,
    legal_units.headcount_band as sirene_headcount_band,
    legal_units.ess_code as sirene_ess_code,
    legal_units.legal_unit_state as sirene_legal_unit_state,
    legal_units.company_name as sirene_company_name,
    establishments.siret is not null as is_sirene_establishment,
    establishments.departement_code as sirene_departement_code,
    establishments.establishment_state as sirene_establishment_state,
    establishments.closure_date as sirene_closure_date,
    ess_france.siren is not null as is_in_ess_france,
    coalesce(esus.esus_agreements, []) as esus_agreements,
    esus.esus_company_name
from seen
left join {{ ref('stg_registries__legal_units') }} as legal_units
    on left(seen.siret, 9) = legal_units.siren
left join {{ ref('stg_registries__establishments') }} as establishments
    on seen.siret = establishments.siret
left join {{ ref('stg_registries__ess_france') }} as ess_france
    on left(seen.siret, 9) = ess_france.siren
left join esus
    on left(seen.siret, 9) = esus.siren
