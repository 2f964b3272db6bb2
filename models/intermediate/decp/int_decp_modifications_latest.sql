{#- For each published contract in the DECP scope, the latest modification
    of its standing DECP record that states an amount (latest notification
    date, then latest publication date; a modification without `montant`
    changes only the duration or the holders), and the ERP's total at that
    date: the initial amount plus the amendments notified up to that date,
    that date included. -#}
with published as (
    select *
    from {{ ref('int_decp_contracts_published') }}
    where published
),

latest as (
    select
        published.filiale_code,
        published.contract_id,
        modifications.notification_date,
        modifications.amount
    from published
    inner join {{ ref('stg_decp__modifications') }} as modifications
        on
            published.filiale_code = modifications.filiale_code
            and published.decp_source_file = modifications.source_file
            and published.decp_line_number = modifications.line_number
    where modifications.amount is not null
    qualify row_number() over (
            partition by published.filiale_code, published.contract_id
            order by
                modifications.notification_date desc nulls last,
                modifications.publication_date desc nulls last,
                modifications.modification_position desc
        ) = 1
)

select
    latest.filiale_code,
    latest.contract_id,
    latest.notification_date as modification_notification_date,
    latest.amount as decp_modified_amount,
    case
        when latest.notification_date is not null
            then any_value(contracts.amount_ht) + coalesce(sum(amendments.amount_ht), 0)
    end as erp_total_at_modification
from latest
inner join {{ ref('int_contracts_retained') }} as contracts
    on latest.filiale_code = contracts.filiale_code and latest.contract_id = contracts.contract_id
left join {{ ref('stg_extracts__amendments') }} as amendments
    on
        latest.filiale_code = amendments.filiale_code
        and latest.contract_id = amendments.contract_id
        and latest.notification_date >= amendments.notification_date
group by latest.filiale_code, latest.contract_id, latest.notification_date, latest.amount
