{#- Housing units and vehicles classified by default: a collective heating
    or any hot-water production without its energy vector, a heat network
    without its renewable share (not renewable), a vehicle without its WLTP
    CO2 (classified by its energy code). -#}
with housing_gaps as (
    select
        filiale_code,
        snapshot_year as year,
        'chauffage collectif sans vecteur énergétique' as detail,
        ['O4_1'] as affected_indicators
    from {{ ref('int_housing_snapshot') }}
    where heating_mode = 'Collectif' and heating_energy is null
    union all
    select
        filiale_code,
        snapshot_year as year,
        'ECS sans vecteur énergétique' as detail,
        ['O4_2'] as affected_indicators
    from {{ ref('int_housing_snapshot') }}
    where hot_water_mode in ('Collectif', 'Individuel') and hot_water_energy is null
    union all
    select
        filiale_code,
        snapshot_year as year,
        'réseau de chaleur sans taux EnR&R' as detail,
        ['O4_1', 'O4_2'] as affected_indicators
    from {{ ref('int_housing_snapshot') }}
    where (heating_energy = 'RCU' or hot_water_energy = 'RCU') and heat_network_renewable_pct is null
)

select
    filiale_code,
    year,
    'housing_without_energy_vector' as finding,
    'logements' as extract,
    detail,
    count(*) as rows_count,
    null::double as amount_ht,
    affected_indicators
from housing_gaps
group by all

union all

select
    filiale_code,
    year,
    'vehicle_without_co2' as finding,
    'vehicules' as extract,
    'CO2 WLTP absent : classement selon le code énergie' as detail,
    count(*) as rows_count,
    null::double as amount_ht,
    ['O4_4'] as affected_indicators
from {{ ref('int_fleet_year_end') }}
where is_co2_missing
group by all
