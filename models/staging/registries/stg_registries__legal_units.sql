{#- One row per SIREN of StockUniteLegale that the delivery needs: the first
    row of the SIREN in file-name order; a category other than PME, ETI, GE
    counts as empty. -#}
with legal_units as (
    select * from {{ ref('base_registries__legal_units') }}
    where has_well_formed_key
    qualify row_number() over (partition by key_value order by source_file, row_number_in_file) = 1
)

select
    key_value as siren,
    {{ parse_code(registry_value('categorieEntreprise'), ['PME', 'ETI', 'GE']) }} as company_category,
    upper({{ registry_value('trancheEffectifsUniteLegale') }}) as headcount_band,
    upper({{ registry_value('economieSocialeSolidaireUniteLegale') }}) as ess_code,
    upper({{ registry_value('etatAdministratifUniteLegale') }}) as legal_unit_state,
    {{ registry_value('denominationUniteLegale') }} as company_name,
    source_file,
    row_number_in_file
from legal_units
