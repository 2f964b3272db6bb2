{#- The cells (filiale or group, year, indicator) whose numerator,
    denominator or value differs from the previous published build, with the
    kind of change. The year's place at the previous build's as-of date says
    what moved: a year not started then (nouvelle_annee), the partial year
    (annee_en_cours), a closed year (retraitement). When the vars or the seeds
    differ between the builds, every change is `parametrage`: it may come
    from the definition, not the data; period_kind keeps what the year says. -#}
{#- What a cell compares, the same on both sides and at both scopes. -#}
{%- set cell_columns %}
        year,
        indicator_code,
        unit,
        numerator,
        denominator,
        value
{%- endset %}
with builds as (
    select * from {{ ref('int_builds_compared') }}
    where previous_build_id is not null
),

current_cells as (
    select
        'filiale' as scope,
        filiale_code,
        {{ cell_columns }}
    from {{ ref('fct_indicators') }}
    union all
    select
        'groupe' as scope,
        null as filiale_code,
        {{ cell_columns }}
    from {{ ref('fct_indicators_group') }}
),

previous_cells as (
    select
        'filiale' as scope,
        filiale_code,
        {{ cell_columns }}
    from {{ ref('stg_history__indicators') }}
    where build_id in (select builds.previous_build_id from builds)
    union all
    select
        'groupe' as scope,
        null as filiale_code,
        {{ cell_columns }}
    from {{ ref('stg_history__indicators_group') }}
    where build_id in (select builds.previous_build_id from builds)
),

compared as (
    select
        {{ either_side('current_cells', 'previous_cells', ['scope', 'filiale_code', 'year', 'indicator_code', 'unit']) }},
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
