{#- The purchase entries of the books, one row each, pointed at by their
    supplier line (the first one when there are several): its PieceRef is the
    supplier's invoice number, its PieceDate the invoice date (the entry's
    date when empty), whose year is the entry's year on the ledger side. The
    payment is the latest entry of another journal, with a class 5 line, that
    carries the same lettering code on the same supplier account and
    auxiliary account, in any of the filiale's FEC files; not lettered, not
    paid in the books. -#}
with supplier_lines as (
    select * from {{ ref('int_ledger_supplier_lines') }}
),

purchase_lines as (
    select * from supplier_lines
    where is_purchase_entry
),

payments as (
    select
        purchases.filiale_code,
        purchases.source_file,
        purchases.journal_code,
        purchases.entry_number,
        max(payments.entry_date) as payment_date
    from purchase_lines as purchases
    inner join supplier_lines as payments
        on
            {{ same_lettering('purchases', 'payments') }}
            and purchases.journal_code <> payments.journal_code
    where payments.is_payment_entry
    group by all
),

first_lines as (
    select
        *,
        coalesce(piece_date, entry_date) as invoice_date
    from purchase_lines
    qualify row_number() over (
            partition by filiale_code, source_file, journal_code, entry_number order by line_number
        ) = 1
)

select
    first_lines.filiale_code,
    first_lines.source_file,
    first_lines.line_number,
    first_lines.journal_code,
    first_lines.entry_number,
    first_lines.piece_reference,
    lower(first_lines.piece_reference) as invoice_key,
    first_lines.invoice_date,
    year(first_lines.invoice_date) as ledger_year,
    entries.purchase_amount_ht,
    payments.payment_date
from first_lines
inner join {{ ref('int_ledger_entries_classified') }} as entries
    on
        {{ same_entry('first_lines', 'entries') }}
left join payments
    on
        {{ same_entry('first_lines', 'payments') }}
