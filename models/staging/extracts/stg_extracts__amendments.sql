select * exclude (reject_reason)
from {{ ref('base_extracts__amendments') }}
where reject_reason is null
