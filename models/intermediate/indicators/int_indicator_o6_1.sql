{#- A credit note with an ESS supplier, already negative, reduces the amount. -#}
with ess_spend_lines as (
    select
        *,
        spend_year as year,
        invoice_id as business_key,
        spend_amount_ht as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_spend_lines') }}
    where is_ess_supplier
)

select {{ evidence_columns('O6_1', 'factures', ['invoice_date', 'document_type', 'spend_amount_ht', 'supplier_siret', 'is_ess_supplier', 'ess_source']) }}
from ess_spend_lines
