{#- The ERP invoices with the payment date that O3_1 and O3_2 read (var
    payment_dates_source): `erp`, the default, keeps date_paiement;
    `ledger` takes the books' payment of the invoice's purchase entries
    (int_invoices_reconciled), so that an invoice the books do not hold, or
    hold unpaid, is unpaid. The reception-date rule is unchanged. -#}
-- depends_on: {{ ref('int_invoices_reconciled') }}
{{ config(materialized='view') }}

{%- if var('payment_dates_source') not in ['erp', 'ledger'] %}
    {{ exceptions.raise_compiler_error("var payment_dates_source: 'erp' or 'ledger', not '" ~ var('payment_dates_source') ~ "'") }}
{%- endif %}

select
    {%- if var('payment_dates_source') == 'ledger' %}
        invoices.* replace (reconciled.ledger_payment_date as payment_date)
    {%- else %}
        invoices.*
    {%- endif %}
from {{ ref('stg_extracts__invoices') }} as invoices
{%- if var('payment_dates_source') == 'ledger' %}
    left join {{ ref('int_invoices_reconciled') }} as reconciled
        on invoices.filiale_code = reconciled.filiale_code and invoices.invoice_id = reconciled.invoice_id
{%- endif %}
