{#- A credit note with a local supplier reduces both sides. -#}
with spend_lines as (
    select
        *,
        spend_year as year,
        invoice_id as business_key,
        case when is_local_supplier then spend_amount_ht else 0 end as numerator_contribution,
        spend_amount_ht as denominator_contribution
    from {{ ref('int_spend_lines') }}
)

select {{ evidence_columns('O9_3', 'factures', ['invoice_date', 'document_type', 'spend_amount_ht', 'supplier_siret', 'is_local_supplier', 'departement_source']) }}
from spend_lines
