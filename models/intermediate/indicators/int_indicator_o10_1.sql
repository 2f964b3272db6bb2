{#- Only the route of art. R. 2122-9-1 CCP counts: an innovative contract
    awarded after publicity is not "passé via la procédure marché innovant". -#}
with innovative_contracts_without_publicity as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        1 as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where
        is_innovative
        and amount_ht < {{ var('innovative_contract_threshold_eur') }}
        and is_awarded_without_publicity
)

select {{ evidence_columns('O10_1', 'marches', ['notification_date', 'amount_ht', 'is_innovative', 'procedure_label', 'is_awarded_without_publicity']) }}
from innovative_contracts_without_publicity
