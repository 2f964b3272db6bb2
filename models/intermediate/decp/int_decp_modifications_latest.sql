{#- For each DECP record, its latest modification that states an amount
    (latest notification date, then latest publication date, then latest
    position; a modification without `montant` changes only the duration or
    the holders). A DECP rule alone: int_decp_contracts_checked picks the
    standing record of each contract and sets the ERP's total against it. -#}
select
    filiale_code,
    source_file,
    line_number,
    notification_date as modification_notification_date,
    amount as decp_modified_amount
from {{ ref('stg_decp__modifications') }}
where amount is not null
qualify row_number() over (
        partition by filiale_code, source_file, line_number
        order by
            notification_date desc nulls last,
            publication_date desc nulls last,
            modification_position desc
    ) = 1
