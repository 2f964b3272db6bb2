select * exclude (reject_reason, raw_values)
from {{ ref('base_extracts__housing_units') }}
where reject_reason is null
