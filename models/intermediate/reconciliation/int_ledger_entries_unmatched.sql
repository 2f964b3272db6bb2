{#- The purchase entries of the books that match no ERP invoice of the spend
    (ledger-only): no kept, non-cancelled invoice of the filiale has their
    PieceRef as id_facture, ignoring case. An ERP row rejected by staging
    matches nothing, so its entry is listed here. -#}
select entries.*
from {{ ref('int_ledger_purchase_entries') }} as entries
anti join {{ ref('int_spend_lines') }} as spend
    on entries.filiale_code = spend.filiale_code and entries.invoice_key = lower(spend.invoice_id)
