select * exclude (reject_reason)
from {{ ref('base_extracts__invoices') }}
where reject_reason is null
