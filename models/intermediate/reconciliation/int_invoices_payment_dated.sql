{#- The ERP invoices with the payment date that O3_1 and O3_2 read (var
    payment_dates_source): `erp`, the default, keeps date_paiement;
    `ledger` takes the books' payment of the invoice's purchase entries
    (int_ledger_invoices_totalled, matched as int_invoices_reconciled
    matches them), so that an invoice the books do not hold, or hold unpaid,
    is unpaid. The reception-date rule is unchanged. The books' side is read
    whatever the var (depends_on), so that the unit tests of both values
    parse. -#}
-- depends_on: {{ ref('int_ledger_invoices_totalled') }}
{{ config(materialized='view') }}

{%- if var('payment_dates_source') not in ['erp', 'ledger'] %}
    {{ exceptions.raise_compiler_error("var payment_dates_source: 'erp' or 'ledger', not '" ~ var('payment_dates_source') ~ "'") }}
{%- endif %}

select
    {%- if var('payment_dates_source') == 'ledger' %}
        invoices.* replace (ledger.ledger_payment_date as payment_date)
    {%- else %}
        invoices.*
    {%- endif %}
from {{ ref('stg_extracts__invoices') }} as invoices
{%- if var('payment_dates_source') == 'ledger' %}
    left join {{ ref('int_ledger_invoices_totalled') }} as ledger
        on invoices.filiale_code = ledger.filiale_code and lower(invoices.invoice_id) = ledger.invoice_key
{%- endif %}
