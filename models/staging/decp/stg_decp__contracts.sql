select * exclude (reject_reason, raw_record)
from {{ ref('base_decp__contracts') }}
where reject_reason is null
