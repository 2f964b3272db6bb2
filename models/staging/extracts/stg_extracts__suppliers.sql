select * exclude (reject_reason)
from {{ ref('base_extracts__suppliers') }}
where reject_reason is null
