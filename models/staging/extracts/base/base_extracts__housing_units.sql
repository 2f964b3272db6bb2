{#- A unit's key is (id_logement, date_situation): one row per snapshot. -#}
with {{ staging_validated_rows('logements') }}

select
    filiale_code,
    source_file,
    line_number,
    id_logement as housing_unit_id,
    date_situation__parsed as snapshot_date,
    upper(code_commune) as commune_code,
    chauffage_mode__parsed as heating_mode,
    chauffage_energie__parsed as heating_energy,
    ecs_mode__parsed as hot_water_mode,
    ecs_energie__parsed as hot_water_energy,
    rcu_taux_enrr_pct__parsed as heat_network_renewable_pct,
    etiquette_dpe__parsed as dpe_label,
    reject_reason,
    {{ staging_raw_values('logements', 'reject_reason') }} as raw_values
from deduplicated
