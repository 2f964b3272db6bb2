select * exclude (reject_reason)
from {{ ref('base_extracts__supplier_events') }}
where reject_reason is null
