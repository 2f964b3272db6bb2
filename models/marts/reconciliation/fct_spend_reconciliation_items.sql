{#- The findings behind fct_spend_reconciliation, one row each, in the
    filiale-years the books cover: every ERP invoice without a purchase entry
    (erp_only), every purchase entry without an ERP invoice (ledger_only),
    every matched pair whose amounts differ (amount_mismatch) or whose
    payment dates differ (payment_date_mismatch), with the file and line on
    each side (the FEC line is the entry's supplier line) and both values. -#}
with invoices as (
    select * from {{ ref('int_invoices_reconciled') }}
),

findings as (
    select
        filiale_code,
        erp_year as year,
        case when is_matched then 'amount_mismatch' else 'erp_only' end as finding,
        invoice_id,
        erp_source_file,
        erp_line_number,
        fec_source_file,
        fec_line_number,
        erp_amount_ht,
        ledger_amount_ht,
        amount_difference_ht,
        null::date as erp_payment_date,
        null::date as ledger_payment_date
    from invoices
    where not is_matched or is_amount_mismatch

    union all

    select
        filiale_code,
        erp_year as year,
        'payment_date_mismatch' as finding,
        invoice_id,
        erp_source_file,
        erp_line_number,
        fec_source_file,
        fec_line_number,
        null as erp_amount_ht,
        null as ledger_amount_ht,
        null as amount_difference_ht,
        erp_payment_date,
        ledger_payment_date
    from invoices
    where is_payment_date_mismatch

    union all

    select
        filiale_code,
        ledger_year as year,
        'ledger_only' as finding,
        piece_reference as invoice_id,
        null as erp_source_file,
        null as erp_line_number,
        source_file as fec_source_file,
        line_number as fec_line_number,
        null as erp_amount_ht,
        purchase_amount_ht as ledger_amount_ht,
        null as amount_difference_ht,
        null as erp_payment_date,
        null as ledger_payment_date
    from {{ ref('int_ledger_entries_unmatched') }}
),

covered_findings as (
    select
        findings.*,
        labels.finding_label
    from findings
    inner join {{ ref('int_reconciliation_years') }} as covered
        on findings.filiale_code = covered.filiale_code and findings.year = covered.year
    inner join {{ ref('int_reporting_years') }} as years
        on findings.year = years.year
    left join {{ ref('reconciliation_finding_labels') }} as labels
        on findings.finding = labels.finding
)

{{ contract_select('covered_findings') }}
