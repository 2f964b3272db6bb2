select * exclude (reject_reason, raw_values)
from {{ ref('base_extracts__vehicles') }}
where reject_reason is null
