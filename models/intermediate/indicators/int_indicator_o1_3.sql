{#- The scope of O1_2; a reserved contract is a social consideration. -#}
with large_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        case
            when list_has_any(social_considerations, [{{ sql_literals(social_consideration_codes()) }}])
                then 1
            else 0
        end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where amount_ht >= {{ var('large_contract_threshold_eur') }}
)

select {{ evidence_columns('O1_3', 'marches', ['notification_date', 'amount_ht', 'social_considerations']) }}
from large_contracts
