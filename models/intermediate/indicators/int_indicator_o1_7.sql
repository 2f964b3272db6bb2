{#- Negative when the price rose above the reference: not brought back to 0. -#}
with negotiated_contracts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        reference_amount_ht - amount_ht as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_contracts_retained') }}
    where reference_amount_ht is not null
)

select {{ evidence_columns('O1_7', 'marches', ['notification_date', 'amount_ht', 'reference_amount_ht']) }}
from negotiated_contracts
