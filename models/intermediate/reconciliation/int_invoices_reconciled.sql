{#- Every ERP invoice and credit note of the spend (int_spend_lines: kept,
    not Annulée, signed), with the purchase entries of the books that match
    it: same filiale, PieceRef = id_facture ignoring case (both stripped by
    the raw layer), totalled per invoice by int_ledger_invoices_totalled.
    Amounts differ beyond the var reconciliation_amount_tolerance_eur;
    payment dates differ when they are not the same day, or when one side
    has none. -#}
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
)

select
    invoices.*,
    ledger.invoice_key is not null as is_matched,
    ledger.ledger_entry_count,
    ledger.ledger_amount_ht,
    ledger.ledger_payment_date,
    ledger.fec_source_file,
    ledger.fec_line_number,
    invoices.erp_amount_ht - ledger.ledger_amount_ht as amount_difference_ht,
    coalesce(
        abs(invoices.erp_amount_ht - ledger.ledger_amount_ht) > {{ var('reconciliation_amount_tolerance_eur') }},
        false
    ) as is_amount_mismatch,
    ledger.invoice_key is not null
    and (invoices.erp_payment_date is distinct from ledger.ledger_payment_date) as is_payment_date_mismatch
from invoices
left join {{ ref('int_ledger_invoices_totalled') }} as ledger
    on invoices.filiale_code = ledger.filiale_code and invoices.invoice_key = ledger.invoice_key
