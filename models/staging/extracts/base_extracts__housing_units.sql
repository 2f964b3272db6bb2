{{ config(materialized='table') }}

{%- set modes = ['Collectif', 'Individuel', 'Aucun'] -%}
{%- set vectors = [
    'GAZ', 'FIOUL', 'PROPANE', 'CHARBON', 'ELECTRICITE', 'PAC', 'GEOTHERMIE', 'BOIS',
    'SOLAIRE', 'RECUPERATION', 'RCU', 'AUTRE'
] -%}
{%- set dpe = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] -%}

with source as (
    select * from {{ ref('raw_logements') }}
),

parsed as (
    select
        *,
        {{ parse_date('date_situation') }} as snapshot_date,
        {{ parse_code('chauffage_mode', modes) }} as heating_mode,
        {{ parse_code('chauffage_energie', vectors) }} as heating_energy,
        {{ parse_code('ecs_mode', modes) }} as hot_water_mode,
        {{ parse_code('ecs_energie', vectors) }} as hot_water_energy,
        {{ parse_number('rcu_taux_enrr_pct') }} as heat_network_renewable_pct,
        {{ parse_code('etiquette_dpe', dpe) }} as dpe_label
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_logement') }},
            {{ reject_if_empty('date_situation') }},
            {{ reject_if_invalid('date_situation', 'snapshot_date', 'date') }},
            {{ reject_if_unknown_code('chauffage_mode', 'heating_mode') }},
            {{ reject_if_unknown_code('chauffage_energie', 'heating_energy') }},
            {{ reject_if_unknown_code('ecs_mode', 'hot_water_mode') }},
            {{ reject_if_unknown_code('ecs_energie', 'hot_water_energy') }},
            {{ reject_if_invalid('rcu_taux_enrr_pct', 'heat_network_renewable_pct', 'number') }},
            {{ reject_if_unknown_code('etiquette_dpe', 'dpe_label') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_logement as housing_unit_id,
    snapshot_date,
    upper(code_commune) as commune_code,
    heating_mode,
    heating_energy,
    hot_water_mode,
    hot_water_energy,
    heat_network_renewable_pct,
    dpe_label,
    coalesce(
        row_reject_reason, {{ reject_if_duplicate(['id_logement', 'snapshot_date']) }}
    ) as reject_reason
from checked
