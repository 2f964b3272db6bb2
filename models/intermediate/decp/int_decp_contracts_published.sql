{#- The ERP contracts in the DECP scope of a filiale that delivered DECP
    files: kept, not cancelled, notified in a reporting year, initial amount
    at or above the var `decp_threshold_eur`. Published when a standing DECP
    record of the filiale's own buyer carries the same identifier (the
    latest published, should two of the filiale's buyers publish it); on
    time when that record's publication date is no later than its own
    notification date plus the var `decp_publication_delay_months` (the
    boundary day is on time; the 29th-31st plus months clamps to the month's
    last day). Missing dates cannot show timeliness: not on time. -#}
with in_scope as (
    select contracts.*
    from {{ ref('int_contracts_retained') }} as contracts
    inner join {{ ref('int_reporting_years') }} as years
        on contracts.notification_year = years.year
    semi join {{ ref('stg_decp__files') }} as files
        on contracts.filiale_code = files.filiale_code
    where contracts.amount_ht >= {{ var('decp_threshold_eur') }}
),

standing as (
    select *
    from {{ ref('int_decp_records_matched') }}
    where erp_contract_id is not null and not is_superseded
    qualify row_number() over (
            partition by filiale_code, erp_contract_id
            order by publication_date desc nulls last, source_file desc, line_number desc
        ) = 1
)

select
    in_scope.filiale_code,
    in_scope.notification_year as year,
    in_scope.contract_id,
    standing.contract_id is not null as published,
    coalesce(
        standing.publication_date <= {{ decp_publication_due_date('standing.notification_date') }},
        false
    ) as published_on_time,
    date_diff('day', standing.notification_date, standing.publication_date) as publication_delay_days,
    standing.source_file as decp_source_file,
    standing.line_number as decp_line_number
from in_scope
left join standing
    on in_scope.filiale_code = standing.filiale_code and in_scope.contract_id = standing.erp_contract_id
