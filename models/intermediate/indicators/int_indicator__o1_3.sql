select
    {{ evidence_columns(
        'O1_3', 'marches', 'notification_year', 'contract_id',
        as_flag("list_has_any(social_considerations, ['Clause sociale', 'Critère social', 'Marché réservé'])"),
        1
    ) }}
from {{ ref('int_contracts') }}
where amount_ht >= {{ var('large_contract_threshold_eur') }}
