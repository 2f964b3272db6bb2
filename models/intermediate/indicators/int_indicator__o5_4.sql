select
    {{ evidence_columns(
        'O5_4', 'marches', 'notification_year', 'contract_id',
        as_flag("list_contains(clauses, 'GESTION_ECOLOGIQUE')"), 1
    ) }}
from {{ ref('int_contracts') }}
where segment = 'ESPACES_EXTERIEURS'
