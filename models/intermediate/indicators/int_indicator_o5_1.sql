{#- A contract without a known operation is not linked to a new build. -#}
with sustainable_wood_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        1 as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where operation_type = 'CONSTRUCTION_NEUVE' and list_contains(clauses, 'BOIS_DURABLE')
)

select {{ evidence_columns('O5_1', 'marches', ['notification_date', 'amount_ht', 'operation_id', 'operation_type', 'clauses']) }}
from sustainable_wood_contracts
