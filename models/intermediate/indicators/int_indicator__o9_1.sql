select
    {{ evidence_columns('O9_1', 'evenements_fournisseurs', 'year(event_date)', 'event_id', 1) }}
from {{ ref('stg_extracts__supplier_events') }}
where event_type not in ({{ sql_literals(var('events_excluded_from_meetings')) }})
