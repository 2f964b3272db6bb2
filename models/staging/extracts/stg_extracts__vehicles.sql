select * exclude (reject_reason)
from {{ ref('base_extracts__vehicles') }}
where reject_reason is null
