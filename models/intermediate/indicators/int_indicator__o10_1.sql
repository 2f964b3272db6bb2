{#- Only the route of art. R. 2122-9-1 CCP counts: an innovative contract
    awarded after publicity is not "passé via la procédure marché innovant". -#}
select {{ evidence_columns('O10_1', 'marches', 'notification_year', 'contract_id', 1) }}
from {{ ref('int_contracts') }}
where
    is_innovative
    and amount_ht < {{ var('innovative_contract_threshold_eur') }}
    and is_awarded_without_publicity
