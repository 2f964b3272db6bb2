select
    {{ evidence_columns(
        'O9_3', 'factures', 'spend_year', 'invoice_id',
        'case when is_local_supplier then spend_amount_ht else 0 end', 'spend_amount_ht'
    ) }}
from {{ ref('int_spend_lines') }}
