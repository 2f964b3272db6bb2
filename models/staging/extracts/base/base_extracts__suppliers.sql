{#- The supplier's département is its commune code's first, else its postal
    code's. -#}
with {{ staging_validated_rows('fournisseurs') }}

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
