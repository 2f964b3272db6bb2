{#- Every row of `fournisseurs`, typed by the contract, with its reject reason
    and the supplier's département (commune code first, else postal code). -#}
with source as (
    select * from {{ source('extracts', 'fournisseurs') }}
),

parsed as (
    select
        *,
        {{ staging_parsed_columns('fournisseurs') }}
    from source
),

checked as materialized (
    select
        *,
        {{ staging_row_reject_reason('fournisseurs') }} as row_reject_reason
    from parsed
),

duplicates as (
    {{ duplicate_keys('checked', staging_key('fournisseurs')) }}
),

deduplicated as (
    {{ deduplicate('checked', 'duplicates', staging_key('fournisseurs')) }}
)

select
    filiale_code,
    source_file,
    line_number,
    siret__parsed as siret,
    raison_sociale as company_name,
    categorie_entreprise__parsed as company_category,
    tranche_effectifs__parsed as headcount_band,
    ess__parsed = 'O' as is_ess_sirene,
    esus__parsed as has_esus_agreement,
    structure_inclusive__parsed as inclusive_structure,
    code_postal as postal_code,
    upper(code_commune) as commune_code,
    naf as naf_code,
    coalesce(
        {{ departement_from_commune('code_commune') }},
        {{ departement_from_postal_code('code_postal') }}
    ) as departement_code,
    reject_reason,
    {{ staging_raw_values('fournisseurs', 'reject_reason') }} as raw_values
from deduplicated
