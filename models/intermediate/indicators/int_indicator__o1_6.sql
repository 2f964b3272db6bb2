select
    {{ evidence_columns(
        'O1_6', 'consultations', 'year(launch_date)', 'consultation_id', as_flag('is_programmed'), 1
    ) }}
from {{ ref('stg_extracts__consultations') }}
