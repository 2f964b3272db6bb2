select * exclude (reject_reason)
from {{ ref('base_extracts__operations') }}
where reject_reason is null
