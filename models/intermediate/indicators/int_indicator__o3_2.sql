select
    {{ evidence_columns('O3_2', 'factures', 'payment_year', 'invoice_id', 'payment_delay_days', 1) }}
from {{ ref('int_paid_invoices') }}
where not is_paid_before_receipt
