select * exclude (reject_reason, raw_values)
from {{ ref('base_extracts__supplier_events') }}
where reject_reason is null
