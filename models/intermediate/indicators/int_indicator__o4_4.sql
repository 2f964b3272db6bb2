select
    {{ evidence_columns('O4_4', 'vehicules', 'year', 'registration', as_flag('is_low_emission'), 1) }}
from {{ ref('int_fleet_year_end') }}
