select * exclude (reject_reason)
from {{ ref('base_extracts__housing_units') }}
where reject_reason is null
