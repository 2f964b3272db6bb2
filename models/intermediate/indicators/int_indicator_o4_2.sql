{#- Unlike O4_1, the source does not restrict O4_2 to collective systems:
    every unit with hot-water production, collective or individual. -#}
with units_with_hot_water as (
    select
        *,
        snapshot_year as year,
        housing_unit_id || ' @ ' || snapshot_date as business_key,
        case when is_hot_water_renewable then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_housing_snapshot') }}
    where hot_water_mode in ('Collectif', 'Individuel')
)

select {{ evidence_columns('O4_2', 'logements', ['snapshot_date', 'hot_water_mode', 'hot_water_energy', 'heat_network_renewable_pct', 'is_hot_water_renewable']) }}
from units_with_hot_water
