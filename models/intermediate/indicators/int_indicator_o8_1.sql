{#- An unclassified supplier is not an SME: its spend counts in the denominator only. -#}
with spend_lines as (
    select
        *,
        spend_year as year,
        invoice_id as business_key,
        case when is_sme_supplier then spend_amount_ht else 0 end as numerator_contribution,
        spend_amount_ht as denominator_contribution
    from {{ ref('int_spend_lines') }}
)

select {{ evidence_columns('O8_1', 'factures', ['invoice_date', 'document_type', 'spend_amount_ht', 'supplier_siret', 'is_sme_supplier', 'sme_source']) }}
from spend_lines
