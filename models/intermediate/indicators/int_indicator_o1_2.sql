{#- The threshold is included: a contract of exactly 100 000 € HT (the var) counts. -#}
with large_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        case
            when list_has_any(environmental_considerations, [{{ sql_literals(environmental_consideration_codes()) }}])
                then 1
            else 0
        end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where amount_ht >= {{ var('large_contract_threshold_eur') }}
)

select {{ evidence_columns('O1_2', 'marches', ['notification_date', 'amount_ht', 'environmental_considerations']) }}
from large_contracts
