{#- What the books hold that an auditor must know, in the rows of
    fct_data_quality (extract `fec`), per filiale and year:
    - unbalanced entries (Σ debit ≠ Σ credit), kept as read, by the year of
      their date, with the sum of their imbalances;
    - purchase entries lettered with another supplier's payment: on the same
      supplier account, their lettering code is carried by no payment of
      their own auxiliary account but by a payment of the same amount on
      another one, itself lettered with no invoice of its own; they are
      unpaid in the books. By the year of the invoice, with their amount HT.
      (Lettering codes often restart with each auxiliary account: the same
      code elsewhere alone proves nothing.)
    - per file and field, the values of a field no rule reads (DateLet,
      ValidDate, Montantdevise) that do not parse: the lines are kept;
    - entries (journal, number) whose lines carry more than one date: the
      norm gives an entry one date, and software writing EcritureNum = 0 on
      every line merges a whole journal into one entry. Per file and
      journal, with the lines and dates merged. -#}
with supplier_lines as (
    select * from {{ ref('int_ledger_supplier_lines') }}
    where lettering_code is not null
),

unpaid_lettered as (
    select purchases.*
    from supplier_lines as purchases
    anti join supplier_lines as payments
        on
            {{ same_lettering('purchases', 'payments') }}
            and payments.is_payment_entry
            and purchases.journal_code <> payments.journal_code
    where purchases.is_purchase_entry
),

unmatched_payments as (
    select payments.*
    from supplier_lines as payments
    anti join supplier_lines as purchases
        on
            {{ same_lettering('payments', 'purchases') }}
            and purchases.is_purchase_entry
    where payments.is_payment_entry
),

crossed_entries as (
    select distinct
        unpaid.filiale_code,
        unpaid.source_file,
        unpaid.journal_code,
        unpaid.entry_number
    from unpaid_lettered as unpaid
    semi join unmatched_payments as payments
        on
            unpaid.filiale_code = payments.filiale_code
            and unpaid.account_number = payments.account_number
            and unpaid.lettering_code = payments.lettering_code
            and unpaid.auxiliary_account_number is distinct from payments.auxiliary_account_number
            and payments.debit_amount - payments.credit_amount = unpaid.credit_amount - unpaid.debit_amount
),

-- The findings of a file (a field, a journal): no year, no amount, and no
-- indicator reads these fields or the entries' numbering.
file_findings as (
    select
        filiale_code,
        'fec_field_unreadable' as finding,
        source_file || ' : « ' || field || ' » illisible sur ' || count(*) || ' ligne(s), la première ligne '
        || min(line_number) || ' ; champ non utilisé, lignes conservées' as detail,
        count(*) as rows_count
    from (
        select
            filiale_code,
            source_file,
            line_number,
            unnest(unreadable_fields) as field
        from {{ ref('stg_accounting__fec_lines') }}
    )
    group by filiale_code, source_file, field

    union all

    select
        filiale_code,
        'fec_entry_several_dates' as finding,
        source_file || ' : journal ' || journal_code || ', ' || count(*) || ' écriture(s) de plusieurs dates ('
        || sum(lines_count) || ' lignes, ' || sum(dates_count) || ' dates) : numérotation non conforme, '
        || 'rapprochement à lire avec prudence' as detail,
        count(*) as rows_count
    from (
        select
            filiale_code,
            source_file,
            journal_code,
            entry_number,
            count(*) as lines_count,
            count(distinct entry_date) as dates_count
        from {{ ref('stg_accounting__fec_lines') }}
        group by filiale_code, source_file, journal_code, entry_number
        having count(distinct entry_date) > 1
    )
    group by filiale_code, source_file, journal_code
)

select
    filiale_code,
    year(entry_date) as year,
    'unbalanced_entry' as finding,
    'fec' as extract,
    'écriture dont le débit et le crédit diffèrent : gardée telle que lue (montant : somme des écarts)' as detail,
    count(*) as rows_count,
    sum(abs(debit_total - credit_total))::double as amount_ht,
    []::varchar[] as affected_indicators
from {{ ref('int_ledger_entries_classified') }}
where not is_balanced
group by all

union all

select
    entries.filiale_code,
    entries.ledger_year as year,
    'lettering_across_suppliers' as finding,
    'fec' as extract,
    'facture lettrée avec le règlement d''un autre fournisseur : non payée dans les livres' as detail,
    count(*) as rows_count,
    sum(entries.purchase_amount_ht)::double as amount_ht,
    {#- With the books' payment dates, such an invoice is unpaid for O3_1 and O3_2. #}
    {{ "['O3_1', 'O3_2']" if var('payment_dates_source') == 'ledger' else '[]' }}::varchar[] as affected_indicators
from {{ ref('int_ledger_purchase_entries') }} as entries
semi join crossed_entries
    on
        {{ same_entry('entries', 'crossed_entries') }}
group by all

union all

select
    filiale_code,
    null::integer as year,
    finding,
    'fec' as extract,
    detail,
    rows_count,
    null::double as amount_ht,
    []::varchar[] as affected_indicators
from file_findings
