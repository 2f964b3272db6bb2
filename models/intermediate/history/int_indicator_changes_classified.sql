{#- The cells (filiale or group, year, indicator) whose numerator,
    denominator or value differs from the previous published build, with the
    kind of change. The year's place at the previous build's as-of date says
    what moved: a year not started then (nouvelle_annee), the partial year
    (annee_en_cours), a closed year (retraitement). When the vars or the seeds
    differ between the builds, every change is `parametrage`: it may come
    from the definition, not the data; period_kind keeps what the year says. -#}
with builds as (
    select * from {{ ref('int_builds_compared') }}
    where previous_build_id is not null
),

current_cells as (
    select
        'filiale' as scope,
        filiale_code,
        year,
        indicator_code,
        unit,
        numerator,
        denominator,
        value
    from {{ ref('fct_indicators') }}
    union all
    select
        'groupe' as scope,
        null as filiale_code,
        year,
        indicator_code,
        unit,
        numerator,
        denominator,
        value
    from {{ ref('fct_indicators_group') }}
),

previous_cells as (
    select
        'filiale' as scope,
        figures.filiale_code,
        figures.year,
        figures.indicator_code,
        figures.unit,
        figures.numerator,
        figures.denominator,
        figures.value
    from {{ ref('stg_history__indicators') }} as figures
    inner join builds on figures.build_id = builds.previous_build_id
    union all
    select
        'groupe' as scope,
        null as filiale_code,
        figures.year,
        figures.indicator_code,
        figures.unit,
        figures.numerator,
        figures.denominator,
        figures.value
    from {{ ref('stg_history__indicators_group') }} as figures
    inner join builds on figures.build_id = builds.previous_build_id
),

compared as (
    select
        coalesce(current_cells.scope, previous_cells.scope) as scope,
        coalesce(current_cells.filiale_code, previous_cells.filiale_code) as filiale_code,
        coalesce(current_cells.year, previous_cells.year) as year,
        coalesce(current_cells.indicator_code, previous_cells.indicator_code) as indicator_code,
        coalesce(current_cells.unit, previous_cells.unit) as unit,
        previous_cells.numerator as previous_numerator,
        current_cells.numerator,
        previous_cells.denominator as previous_denominator,
        current_cells.denominator,
        previous_cells.value as previous_value,
        current_cells.value
    from current_cells
    full outer join previous_cells
        on
            current_cells.scope = previous_cells.scope
            and coalesce(current_cells.filiale_code, '') = coalesce(previous_cells.filiale_code, '')
            and current_cells.year = previous_cells.year
            and current_cells.indicator_code = previous_cells.indicator_code
),

changed as (
    select
        compared.*,
        builds.*,
        case
            when compared.year > year(builds.previous_as_of_date) then 'nouvelle_annee'
            when builds.previous_as_of_date < make_date(compared.year, 12, 31) then 'annee_en_cours'
            else 'retraitement'
        end as period_kind
    from compared
    cross join builds
    where
        compared.numerator is distinct from compared.previous_numerator
        or compared.denominator is distinct from compared.previous_denominator
        or compared.value is distinct from compared.previous_value
)

select
    scope,
    filiale_code,
    year,
    indicator_code,
    unit,
    case
        when coalesce(vars_changed or seeds_changed, false) then 'parametrage'
        else period_kind
    end as change_kind,
    period_kind,
    previous_numerator,
    numerator,
    previous_denominator,
    denominator,
    previous_value,
    value,
    value - previous_value as value_difference,
    previous_build_id,
    previous_build_at,
    previous_as_of_date,
    build_id,
    build_at,
    as_of_date,
    coalesce(vars_changed, false) as vars_changed,
    coalesce(seeds_changed, false) as seeds_changed
from changed
