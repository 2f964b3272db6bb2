{#- The books' side of the reconciliation, per invoice: its purchase
    entries (same filiale and PieceRef, ignoring case) totalled. It reads the
    books alone, so the ERP side's models (int_invoices_reconciled) and the
    payment dates taken from the books (int_invoices_payment_dated) both read
    it without one waiting for the other. -#}
with totalled as (
    select
        filiale_code,
        invoice_key,
        count(*) as ledger_entry_count,
        sum(purchase_amount_ht) as ledger_amount_ht,
        max(payment_date) as ledger_payment_date,
        min({ 'source_file': source_file, 'line_number': line_number }) as first_line
    from {{ ref('int_ledger_purchase_entries') }}
    group by filiale_code, invoice_key
)

select
    filiale_code,
    invoice_key,
    ledger_entry_count,
    ledger_amount_ht,
    ledger_payment_date,
    struct_extract(first_line, 'source_file') as fec_source_file,
    struct_extract(first_line, 'line_number') as fec_line_number
from totalled
