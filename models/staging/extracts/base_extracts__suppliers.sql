{{ config(materialized='table') }}

{%- set headcount_bands = [
    'NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'
] -%}

with source as (
    select * from {{ ref('raw_fournisseurs') }}
),

parsed as (
    select
        *,
        {{ parse_siret('siret') }} as valid_siret,
        {{ parse_code('categorie_entreprise', ['PME', 'ETI', 'GE']) }} as company_category,
        {{ parse_code('tranche_effectifs', headcount_bands) }} as headcount_band,
        {{ parse_code('ess', ['O', 'N']) }} as ess_code,
        {{ parse_boolean('esus') }} as has_esus_agreement,
        {{ parse_code('structure_inclusive', ['SIAE', 'ESAT', 'EA', 'REGIE_QUARTIER']) }} as inclusive_structure
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('siret') }},
            {{ reject_if_invalid('siret', 'valid_siret', 'SIRET') }},
            {{ reject_if_unknown_code('categorie_entreprise', 'company_category') }},
            {{ reject_if_unknown_code('tranche_effectifs', 'headcount_band') }},
            {{ reject_if_unknown_code('ess', 'ess_code') }},
            {{ reject_if_invalid('esus', 'has_esus_agreement', 'boolean') }},
            {{ reject_if_unknown_code('structure_inclusive', 'inclusive_structure') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    valid_siret as siret,
    raison_sociale as company_name,
    company_category,
    headcount_band,
    ess_code = 'O' as is_ess_sirene,
    has_esus_agreement,
    inclusive_structure,
    code_postal as postal_code,
    upper(code_commune) as commune_code,
    naf as naf_code,
    coalesce(
        {{ departement_from_commune('code_commune') }},
        {{ departement_from_postal_code('code_postal') }}
    ) as departement_code,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['valid_siret']) }}) as reject_reason
from checked
