select {{ evidence_columns('O6_1', 'factures', 'spend_year', 'invoice_id', 'spend_amount_ht') }}
from {{ ref('int_spend_lines') }}
where is_ess_supplier
