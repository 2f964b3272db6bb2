{#- A recycling clause without a target above 0 is not a commitment. -#}
with works_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        case
            when list_contains(clauses, 'RECYCLAGE_DECHETS') and waste_recovery_target_pct > 0 then 1 else 0
        end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where category = 'Travaux' and operation_type in ('CONSTRUCTION_NEUVE', 'REHABILITATION')
)

select {{ evidence_columns('O5_3', 'marches', ['notification_date', 'amount_ht', 'operation_id', 'operation_type', 'clauses', 'waste_recovery_target_pct']) }}
from works_contracts
