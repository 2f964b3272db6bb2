select
    {{ evidence_columns(
        'O1_2', 'marches', 'notification_year', 'contract_id',
        as_flag("list_has_any(environmental_considerations, ['Clause environnementale', 'Critère environnemental'])"),
        1
    ) }}
from {{ ref('int_contracts') }}
where amount_ht >= {{ var('large_contract_threshold_eur') }}
