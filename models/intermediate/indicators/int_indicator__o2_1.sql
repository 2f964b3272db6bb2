select {{ evidence_columns('O2_1', 'formations', 'year(session_date)', 'session_id', 1) }}
from {{ ref('stg_extracts__trainings') }}
