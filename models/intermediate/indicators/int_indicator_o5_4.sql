with outdoor_maintenance_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        case when list_contains(clauses, 'GESTION_ECOLOGIQUE') then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where segment = 'ESPACES_EXTERIEURS'
)

select {{ evidence_columns('O5_4', 'marches', ['notification_date', 'amount_ht', 'segment', 'clauses']) }}
from outdoor_maintenance_contracts
