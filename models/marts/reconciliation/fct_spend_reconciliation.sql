{#- The purchasing figures tied to the books, per filiale and year of the
    grid: the ERP side by the year of date_facture, the ledger side by the
    year of PieceDate, a matched pair in the year of its ERP invoice. A
    filiale-year the books do not cover (no FEC file, or no entry dated in the
    year), or of a filiale without its ERP invoices, has every figure null,
    the ERP side included: unknown (int_reconciliation_years). -#}
with erp as (
    select
        filiale_code,
        erp_year as year,
        count(*) as erp_invoice_count,
        sum(erp_amount_ht) as erp_spend_ht,
        count(*) filter (where is_matched) as matched_count,
        coalesce(sum(erp_amount_ht) filter (where is_matched), 0) as matched_spend_ht,
        count(*) filter (where not is_matched) as erp_only_count,
        coalesce(sum(erp_amount_ht) filter (where not is_matched), 0) as erp_only_spend_ht,
        count(*) filter (where is_amount_mismatch) as amount_mismatch_count,
        coalesce(sum(abs(amount_difference_ht)) filter (where is_amount_mismatch), 0) as amount_mismatch_abs_ht,
        count(*) filter (where is_payment_date_mismatch) as payment_date_mismatch_count
    from {{ ref('int_invoices_reconciled') }}
    group by filiale_code, erp_year
),

ledger as (
    select
        filiale_code,
        ledger_year as year,
        count(*) as ledger_entry_count,
        sum(purchase_amount_ht) as ledger_spend_ht
    from {{ ref('int_ledger_purchase_entries') }}
    group by filiale_code, ledger_year
),

ledger_only as (
    select
        filiale_code,
        ledger_year as year,
        count(*) as ledger_only_count,
        sum(purchase_amount_ht) as ledger_only_spend_ht
    from {{ ref('int_ledger_entries_unmatched') }}
    group by filiale_code, ledger_year
),

cells as (
    select
        filiale_years.filiale_code,
        filiale_years.year,
        covered.year is not null as is_covered
    from {{ ref('int_filiale_years') }} as filiale_years
    left join {{ ref('int_reconciliation_years') }} as covered
        on filiale_years.filiale_code = covered.filiale_code and filiale_years.year = covered.year
),

reconciled as (
    select
        cells.*,
        {%- for column, source in [
            ('erp_invoice_count', 'erp'), ('erp_spend_ht', 'erp'),
            ('ledger_entry_count', 'ledger'), ('ledger_spend_ht', 'ledger'),
            ('matched_count', 'erp'), ('matched_spend_ht', 'erp'),
            ('erp_only_count', 'erp'), ('erp_only_spend_ht', 'erp'),
            ('ledger_only_count', 'ledger_only'), ('ledger_only_spend_ht', 'ledger_only'),
            ('amount_mismatch_count', 'erp'), ('amount_mismatch_abs_ht', 'erp'),
            ('payment_date_mismatch_count', 'erp'),
        ] %}
            case when cells.is_covered then coalesce({{ source }}.{{ column }}, 0) end as {{ column }},
        {%- endfor %}
        case
            when cells.is_covered
                then 100 * erp.matched_spend_ht::double / nullif(erp.erp_spend_ht, 0)::double
        end as erp_spend_found_pct
    from cells
    left join erp
        on cells.filiale_code = erp.filiale_code and cells.year = erp.year
    left join ledger
        on cells.filiale_code = ledger.filiale_code and cells.year = ledger.year
    left join ledger_only
        on cells.filiale_code = ledger_only.filiale_code and cells.year = ledger_only.year
)

{{ contract_select('reconciled') }}
