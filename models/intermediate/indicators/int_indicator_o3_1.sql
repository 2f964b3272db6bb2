{#- Invoices paid before they were received are left out (data-quality
    finding, listed in fct_data_quality). -#}
with invoices_paid as (
    select
        *,
        payment_year as year,
        invoice_id as business_key,
        case
            when payment_delay_days <= {{ var('payment_delay_limit_days') }} then 1 else 0
        end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_paid_invoices') }}
    where not is_paid_before_receipt
)

select {{ evidence_columns('O3_1', 'factures', ['invoice_date', 'reception_date', 'is_reception_date_assumed', 'effective_reception_date', 'payment_date', 'payment_delay_days', 'amount_ht']) }}
from invoices_paid
