select
    {{ evidence_columns(
        'O1_4', 'factures', 'spend_year', 'invoice_id',
        'case when is_framework_agreement then spend_amount_ht else 0 end',
        'spend_amount_ht'
    ) }}
from {{ ref('int_spend_lines') }}
