{#- Every entry of the books: the lines of one FEC file sharing JournalCode
    and EcritureNum (numbering may restart in each yearly file), with what
    makes it a purchase (a line on a supplier account, one on a class 6 or 2
    account, none on class 1 or 5) or a payment (a class 5 line, none of class
    1), its purchase amount HT (the class 6 and 2 lines, debit - credit) and
    its balance. -#}
with lines as (
    select
        *,
        {{ account_class('account_number') }} as account_class
    from {{ ref('stg_accounting__fec_lines') }}
),

entries as (
    select
        filiale_code,
        source_file,
        journal_code,
        entry_number,
        min(entry_date) as entry_date,
        sum(debit_amount) as debit_total,
        sum(credit_amount) as credit_total,
        sum(
            case
                when account_class in ({{ sql_literals(var('fec_purchase_account_classes')) }})
                    then debit_amount - credit_amount
                else 0
            end
        ) as purchase_amount_ht,
        bool_or({{ is_supplier_account('account_number') }}) as has_supplier_line,
        bool_or(account_class in ({{ sql_literals(var('fec_purchase_account_classes')) }})) as has_purchase_line,
        bool_or(account_class in ({{ sql_literals(var('fec_capital_account_classes')) }})) as has_capital_line,
        bool_or(account_class in ({{ sql_literals(var('fec_financial_account_classes')) }})) as has_financial_line
    from lines
    group by filiale_code, source_file, journal_code, entry_number
)

select
    *,
    has_supplier_line and has_purchase_line and not has_capital_line and not has_financial_line
        as is_purchase_entry,
    has_financial_line and not has_capital_line as is_payment_entry,
    debit_total = credit_total as is_balanced
from entries
