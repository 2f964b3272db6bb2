{#- DECP compliance per filiale and year of the grid: every figure null for
    a filiale that delivered no DECP file (unknown, not zero). -#}
with grid as (
    select
        filiale_years.filiale_code,
        filiale_years.year,
        filiale_years.filiale_code in (select files.filiale_code from {{ ref('stg_decp__files') }} as files) as has_decp
    from {{ ref('int_filiale_years') }} as filiale_years
),

contracts as (
    select
        filiale_code,
        year,
        count(*) as in_scope,
        count_if(published) as published,
        count_if(published_on_time) as published_on_time,
        count_if(is_inconsistent) as inconsistent
    from {{ ref('int_decp_contracts_checked') }}
    group by filiale_code, year
),

amendments as (
    select
        filiale_code,
        year,
        count_if(not is_published) as unpublished
    from {{ ref('int_decp_amendments_published') }}
    group by filiale_code, year
),

unknown_records as (
    select
        filiale_code,
        notification_year as year,
        count(*) as records
    from {{ ref('int_decp_records_matched') }}
    where erp_contract_id is null and not is_superseded
    group by filiale_code, notification_year
),

compliance as (
    select
        grid.*,
        case when grid.has_decp then coalesce(contracts.in_scope, 0) end as contracts_in_scope,
        case when grid.has_decp then coalesce(contracts.published, 0) end as contracts_published,
        case when grid.has_decp then coalesce(contracts.published_on_time, 0) end as contracts_published_on_time,
        100.0 * contracts.published / contracts.in_scope as published_pct,
        100.0 * contracts.published_on_time / contracts.in_scope as published_on_time_pct,
        case when grid.has_decp then coalesce(contracts.inconsistent, 0) end as contracts_inconsistent,
        case when grid.has_decp then coalesce(amendments.unpublished, 0) end as amendments_unpublished,
        case when grid.has_decp then coalesce(unknown_records.records, 0) end as records_without_contract
    from grid
    left join contracts
        on grid.filiale_code = contracts.filiale_code and grid.year = contracts.year
    left join amendments
        on grid.filiale_code = amendments.filiale_code and grid.year = amendments.year
    left join unknown_records
        on grid.filiale_code = unknown_records.filiale_code and grid.year = unknown_records.year
)

{{ contract_select('compliance') }}
