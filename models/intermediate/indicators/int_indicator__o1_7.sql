{#- Negative when the price rose above the reference. -#}
select
    {{ evidence_columns(
        'O1_7', 'marches', 'notification_year', 'contract_id', 'reference_amount_ht - amount_ht'
    ) }}
from {{ ref('int_contracts') }}
where reference_amount_ht is not null
