select
    {{ evidence_columns(
        'O8_1', 'factures', 'spend_year', 'invoice_id',
        'case when is_sme_supplier then spend_amount_ht else 0 end', 'spend_amount_ht'
    ) }}
from {{ ref('int_spend_lines') }}
