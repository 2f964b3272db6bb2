{#- Spend lines come signed (a credit note is negative): it reduces both sides. -#}
with spend_lines as (
    select
        *,
        spend_year as year,
        invoice_id as business_key,
        case when is_framework_agreement then spend_amount_ht else 0 end as numerator_contribution,
        spend_amount_ht as denominator_contribution
    from {{ ref('int_spend_lines') }}
)

select {{ evidence_columns('O1_4', 'factures', ['invoice_date', 'document_type', 'spend_amount_ht', 'supplier_siret', 'contract_id', 'is_framework_agreement']) }}
from spend_lines
