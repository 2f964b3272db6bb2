select * exclude (reject_reason, raw_values)
from {{ ref('base_extracts__consultations') }}
where reject_reason is null
