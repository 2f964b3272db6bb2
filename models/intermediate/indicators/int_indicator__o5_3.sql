select
    {{ evidence_columns(
        'O5_3', 'marches', 'notification_year', 'contract_id',
        as_flag("list_contains(clauses, 'RECYCLAGE_DECHETS') and waste_recovery_target_pct > 0"), 1
    ) }}
from {{ ref('int_contracts') }}
where category = 'Travaux' and operation_type in ('CONSTRUCTION_NEUVE', 'REHABILITATION')
