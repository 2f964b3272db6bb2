{#- The average delay: as O3_1, invoices paid before receipt are left out. -#}
with invoices_paid as (
    select
        *,
        payment_year as year,
        invoice_id as business_key,
        payment_delay_days as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_paid_invoices') }}
    where not is_paid_before_receipt
)

select {{ evidence_columns('O3_2', 'factures', ['invoice_date', 'reception_date', 'is_reception_date_assumed', 'effective_reception_date', 'payment_date', 'payment_delay_days', 'amount_ht']) }}
from invoices_paid
