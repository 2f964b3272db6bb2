{#- One row per SIRET of StockEtablissement that the delivery needs: the
    first row of the SIRET in file-name order, with the département of the
    establishment (commune code, else postal code: the rules of the ERP's
    supplier addresses) and, for a closed one, its closure date. -#}
with establishments as (
    select * from {{ ref('base_registries__establishments') }}
    where has_well_formed_key
    qualify row_number() over (partition by key_value order by source_file, row_number_in_file) = 1
),

typed as (
    select
        key_value as siret,
        upper({{ registry_value('codeCommuneEtablissement') }}) as commune_code,
        {{ registry_value('codePostalEtablissement') }} as postal_code,
        upper({{ registry_value('etatAdministratifEtablissement') }}) as establishment_state,
        {{ parse_registry_date(registry_value('dateDebut')) }} as state_start_date,
        source_file,
        row_number_in_file
    from establishments
)

select
    siret,
    left(siret, 9) as siren,
    commune_code,
    postal_code,
    coalesce(
        {{ departement_from_commune('commune_code') }},
        {{ departement_from_postal_code('postal_code') }}
    ) as departement_code,
    establishment_state,
    state_start_date,
    case when establishment_state = 'F' then state_start_date end as closure_date,
    source_file,
    row_number_in_file
from typed
