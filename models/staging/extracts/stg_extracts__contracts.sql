select * exclude (reject_reason)
from {{ ref('base_extracts__contracts') }}
where reject_reason is null
