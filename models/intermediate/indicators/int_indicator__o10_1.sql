select {{ evidence_columns('O10_1', 'marches', 'notification_year', 'contract_id', 1) }}
from {{ ref('int_contracts') }}
where is_innovative and amount_ht < {{ var('innovative_contract_threshold_eur') }}
