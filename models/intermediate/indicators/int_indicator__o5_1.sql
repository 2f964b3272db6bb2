select {{ evidence_columns('O5_1', 'marches', 'notification_year', 'contract_id', 1) }}
from {{ ref('int_contracts') }}
where operation_type = 'CONSTRUCTION_NEUVE' and list_contains(clauses, 'BOIS_DURABLE')
