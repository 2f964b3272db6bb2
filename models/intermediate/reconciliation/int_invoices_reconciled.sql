{#- Every ERP invoice and credit note of the spend (int_spend_lines: kept,
    not Annulée, signed), with the purchase entries of the books that match
    it: same filiale, PieceRef = id_facture ignoring case (both stripped by
    the raw layer). An invoice that several entries match (a booking, its
    reversal, its correction) is compared with their sum, and paid on the
    latest of their payments. Amounts differ beyond the var
    reconciliation_amount_tolerance_eur; payment dates differ when they are
    not the same day, or when one side has none. -#}
with invoices as (
    select
        spend.filiale_code,
        spend.invoice_id,
        lower(spend.invoice_id) as invoice_key,
        spend.spend_year as erp_year,
        spend.spend_amount_ht as erp_amount_ht,
        staged.payment_date as erp_payment_date,
        spend.source_file as erp_source_file,
        spend.line_number as erp_line_number
    from {{ ref('int_spend_lines') }} as spend
    inner join {{ ref('stg_extracts__invoices') }} as staged
        on spend.filiale_code = staged.filiale_code and spend.invoice_id = staged.invoice_id
),

ledger as (
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
    invoices.*,
    ledger.invoice_key is not null as is_matched,
    ledger.ledger_entry_count,
    ledger.ledger_amount_ht,
    ledger.ledger_payment_date,
    struct_extract(ledger.first_line, 'source_file') as fec_source_file,
    struct_extract(ledger.first_line, 'line_number') as fec_line_number,
    invoices.erp_amount_ht - ledger.ledger_amount_ht as amount_difference_ht,
    coalesce(
        abs(invoices.erp_amount_ht - ledger.ledger_amount_ht) > {{ var('reconciliation_amount_tolerance_eur') }},
        false
    ) as is_amount_mismatch,
    ledger.invoice_key is not null
    and (invoices.erp_payment_date is distinct from ledger.ledger_payment_date) as is_payment_date_mismatch
from invoices
left join ledger
    on invoices.filiale_code = ledger.filiale_code and invoices.invoice_key = ledger.invoice_key
