select * exclude (reject_reason, raw_values)
from {{ ref('base_accounting__fec_lines') }}
where reject_reason is null
