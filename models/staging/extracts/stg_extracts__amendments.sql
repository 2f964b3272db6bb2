select * exclude (reject_reason, raw_values)
from {{ ref('base_extracts__amendments') }}
where reject_reason is null
