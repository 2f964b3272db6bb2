{#- Where each reporting year stands at the as-of date: closed, partial (the
    year in progress) or not started. A year not started has no figures:
    nothing tells its zeros from missing data. -#}
with as_of as (
    select * from {{ ref('int_as_of_date_resolved') }}
),

dated as (
    select
        years.year,
        as_of.as_of_date,
        case
            when years.year > year(as_of.as_of_date) then 'not_started'
            when as_of.as_of_date < make_date(years.year, 12, 31) then 'partial'
            else 'closed'
        end as period_status
    from {{ ref('int_reporting_years') }} as years
    cross join as_of
)

select
    year,
    as_of_date,
    period_status,
    case period_status
        when 'closed' then 'année close'
        when 'partial' then 'année en cours, partielle au ' || strftime(as_of_date, '%d/%m/%Y')
        else 'année non commencée au ' || strftime(as_of_date, '%d/%m/%Y')
    end as period_status_label
from dated
