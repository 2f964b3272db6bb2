select * exclude (reject_reason)
from {{ ref('base_extracts__documents') }}
where reject_reason is null
