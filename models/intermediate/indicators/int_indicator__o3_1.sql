{#- Invoices paid before they were received are left out (data-quality
    finding, listed in fct_data_quality). -#}
select
    {{ evidence_columns(
        'O3_1', 'factures', 'payment_year', 'invoice_id',
        as_flag('payment_delay_days <= ' ~ var('payment_delay_limit_days')), 1
    ) }}
from {{ ref('int_paid_invoices') }}
where not is_paid_before_receipt
