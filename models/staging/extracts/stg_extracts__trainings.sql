select * exclude (reject_reason)
from {{ ref('base_extracts__trainings') }}
where reject_reason is null
