{#- Each ERP amendment of a contract in the DECP scope, counted in its
    contract's year: published when the contract's standing DECP record has
    a modification notified the same day or, failing that, one whose new
    total is the amendment's resulting total (the initial amount plus the
    amendments notified up to its date, that date included) within the var
    `decp_amount_tolerance_eur`. An amendment of an unpublished contract is
    unpublished. -#}
with amendments as (
    select
        scope.filiale_code,
        scope.year,
        scope.contract_id,
        scope.decp_source_file,
        scope.decp_line_number,
        amendments.amendment_id,
        amendments.notification_date,
        amendments.amount_ht,
        contracts.amount_ht + sum(amendments.amount_ht) over (
            partition by amendments.filiale_code, amendments.contract_id
            order by amendments.notification_date
            range between unbounded preceding and current row
        ) as resulting_total_ht
    from {{ ref('int_decp_contracts_published') }} as scope
    inner join {{ ref('int_contracts_retained') }} as contracts
        on scope.filiale_code = contracts.filiale_code and scope.contract_id = contracts.contract_id
    inner join {{ ref('stg_extracts__amendments') }} as amendments
        on scope.filiale_code = amendments.filiale_code and scope.contract_id = amendments.contract_id
),

matches as (
    select
        amendments.filiale_code,
        amendments.amendment_id,
        bool_or(modifications.notification_date = amendments.notification_date) as is_same_date,
        bool_or(
            abs(modifications.amount - amendments.resulting_total_ht) <= {{ var('decp_amount_tolerance_eur') }}
        ) as is_same_total
    from amendments
    inner join {{ ref('stg_decp__modifications') }} as modifications
        on
            {{ same_decp_record('amendments', 'modifications') }}
    group by amendments.filiale_code, amendments.amendment_id
)

select
    amendments.filiale_code,
    amendments.year,
    amendments.contract_id,
    amendments.amendment_id,
    amendments.notification_date,
    amendments.amount_ht,
    amendments.resulting_total_ht,
    coalesce(matches.is_same_date or matches.is_same_total, false) as is_published,
    case
        when matches.is_same_date then 'date'
        when matches.is_same_total then 'total'
    end as matched_by
from amendments
left join matches
    on amendments.filiale_code = matches.filiale_code and amendments.amendment_id = matches.amendment_id
