{#- Unlike O4_1, the source does not restrict O4_2 to collective systems:
    every unit with hot-water production, collective or individual. -#}
select
    {{ evidence_columns(
        'O4_2', 'logements', 'snapshot_year', "housing_unit_id || ' @ ' || snapshot_date",
        as_flag('is_hot_water_renewable'), 1
    ) }}
from {{ ref('int_housing_snapshot') }}
where hot_water_mode in ('Collectif', 'Individuel')
