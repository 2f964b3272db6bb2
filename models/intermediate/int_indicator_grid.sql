{#- Every filiale x reporting year x indicator of the catalogue, with what
    decides whether the cell has a figure: the indicator's perimeter, the
    presence of the extracts it needs (an absent extract means unknown), a
    housing snapshot in the year where the indicator needs one, a year begun at
    the as-of date (a year not started has no figure), the target (a
    filiale's own target overrides the group's; none for a provisional
    estimate) and the caveats a reader must know. -#}
with filiales as (
    select * from {{ ref('stg_extracts__filiales') }}
),

catalogue as (
    select
        *,
        coalesce(string_split(required_extracts, '|'), []) as required_extract_list
    from {{ ref('indicator_catalogue') }}
),

present_extracts as (
    select
        filiale_code,
        list(distinct extract) as extracts
    from {{ ref('stg_extracts__delivery_files') }}
    group by filiale_code
),

snapshot_years as (
    select distinct
        filiale_code,
        snapshot_year as year
    from {{ ref('int_housing_snapshot') }}
),

targets as (
    select * from {{ ref('indicator_targets') }}
),

caveats as (
    select * from {{ ref('int_indicator_caveats') }}
)

select
    filiales.filiale_code,
    years.year,
    catalogue.indicator_code,
    catalogue.indicator_label,
    catalogue.unit,
    catalogue.sort_order,
    case
        when catalogue.perimeter = 'tous' then true
        when catalogue.perimeter = 'hors_drom' then not filiales.is_drom
        else list_contains(string_split(catalogue.perimeter, '|'), filiales.filiale_code)
    end as applicable,
    list_has_all(coalesce(present_extracts.extracts, []), catalogue.required_extract_list)
    and (not catalogue.needs_snapshot_in_year or snapshot_years.year is not null)
    and coalesce(period.period_status, '') <> 'not_started'
    and source_gaps.indicator_code is null as has_source_data,
    coalesce(caveats.is_provisional_estimate, false) as is_provisional_estimate,
    nullif(concat_ws(' ; ', catalogue.caveat, caveats.caveat), '') as caveat,
    case
        when not coalesce(caveats.is_provisional_estimate, false)
            then coalesce(filiale_target.comparison, group_target.comparison)
    end as target_comparison,
    case
        when not coalesce(caveats.is_provisional_estimate, false)
            then coalesce(filiale_target.target_value, group_target.target_value)::double
    end as target
from filiales
cross join {{ ref('int_reporting_years') }} as years
cross join catalogue
left join {{ ref('int_reporting_years_dated') }} as period
    on years.year = period.year
left join present_extracts
    on filiales.filiale_code = present_extracts.filiale_code
left join snapshot_years
    on filiales.filiale_code = snapshot_years.filiale_code and years.year = snapshot_years.year
left join targets as filiale_target
    on
        catalogue.indicator_code = filiale_target.indicator_code
        and filiales.filiale_code = filiale_target.filiale_code
left join targets as group_target
    on
        catalogue.indicator_code = group_target.indicator_code
        and group_target.filiale_code is null
left join {{ ref('int_indicator_source_gaps') }} as source_gaps
    on
        filiales.filiale_code = source_gaps.filiale_code
        and years.year = source_gaps.year
        and catalogue.indicator_code = source_gaps.indicator_code
left join caveats
    on
        filiales.filiale_code = caveats.filiale_code
        and years.year = caveats.year
        and catalogue.indicator_code = caveats.indicator_code
