{#- The lines of the books on a supplier account (401, 404), each with what
    its entry is (purchase, payment) and that entry's date: the lines that
    carry the supplier, the invoice and the lettering. -#}
select
    lines.filiale_code,
    lines.source_file,
    lines.line_number,
    lines.journal_code,
    lines.entry_number,
    entries.entry_date,
    lines.account_number,
    lines.auxiliary_account_number,
    lines.piece_reference,
    lines.piece_date,
    lines.lettering_code,
    lines.debit_amount,
    lines.credit_amount,
    entries.is_purchase_entry,
    entries.is_payment_entry
from {{ ref('stg_accounting__fec_lines') }} as lines
inner join {{ ref('int_ledger_entries_classified') }} as entries
    on
        {{ same_entry('lines', 'entries') }}
where {{ is_supplier_account('lines.account_number') }}
