select * exclude (reject_reason)
from {{ ref('base_extracts__consultations') }}
where reject_reason is null
