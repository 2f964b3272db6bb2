select
    {{ evidence_columns(
        'O4_1', 'logements', 'snapshot_year', "housing_unit_id || ' @ ' || snapshot_date",
        as_flag('is_heating_renewable'), 1
    ) }}
from {{ ref('int_housing_snapshot') }}
where heating_mode = 'Collectif'
