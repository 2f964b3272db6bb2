{#- Paid invoices (credit notes and cancelled invoices left out) with their
    payment delay in calendar days. Without a reception date, the invoice
    is deemed received date_facture + 2 days (art. R. 2192-14 CCP). The
    payment date is the ERP's or the books' (int_invoices_payment_dated). -#}
with paid as (
    select
        filiale_code,
        invoice_id,
        invoice_date,
        reception_date,
        payment_date,
        amount_ht,
        reception_date is null as is_reception_date_assumed,
        coalesce(
            reception_date, invoice_date + {{ var('reception_fallback_days') }}::integer
        ) as effective_reception_date,
        source_file,
        line_number
    from {{ ref('int_invoices_payment_dated') }}
    where
        document_type = 'Facture'
        and invoice_status <> 'Annulée'
        and payment_date is not null
)

select
    *,
    year(payment_date) as payment_year,
    datediff('day', effective_reception_date, payment_date) as payment_delay_days,
    datediff('day', effective_reception_date, payment_date) < 0 as is_paid_before_receipt
from paid
