{#- Group consolidation, one row per indicator and year, over the filiales
    whose value is not null: ratios recomputed as sum of numerators over
    sum of denominators (never an average of percentages), counts and
    amounts summed, booleans as the percentage of filiales at 1. A figure
    that any filiale gives as a provisional estimate is one for the group:
    it carries the caveat and no target. -#}
with consolidated as (
    select
        catalogue.indicator_code,
        years.year,
        catalogue.indicator_label,
        catalogue.unit,
        count(figures.value) as filiales_with_value,
        coalesce(bool_or(figures.is_provisional_estimate), false) as is_provisional_estimate,
        nullif(concat_ws(' ; ', catalogue.caveat, max(provisional.caveat)), '') as caveat,
        case
            when catalogue.unit = 'boolean' then count(figures.value) filter (where figures.value = 1)
            -- The numerators, exact decimals, not the double values: the same figures
            -- add up to the same total whatever the order (builds compare equal).
            else sum(figures.numerator)
        end as numerator_total,
        case
            when catalogue.unit = 'boolean' then count(figures.value)
            when catalogue.unit in ('percent', 'days') then sum(figures.denominator)
        end as denominator_total
    from {{ ref('indicator_catalogue') }} as catalogue
    cross join {{ ref('int_reporting_years') }} as years
    left join {{ ref('fct_indicators') }} as figures
        on
            catalogue.indicator_code = figures.indicator_code
            and years.year = figures.year
            and figures.value is not null
    left join {{ ref('int_indicator_caveats') }} as provisional
        on
            {{ same_cell('figures', 'provisional') }}
    group by catalogue.indicator_code, years.year, catalogue.indicator_label, catalogue.unit, catalogue.caveat
),

group_targets as (
    select * from {{ ref('indicator_targets') }}
    where filiale_code is null
),

with_targets as (
    select
        consolidated.*,
        case when not consolidated.is_provisional_estimate then group_targets.comparison end
            as target_comparison,
        case when not consolidated.is_provisional_estimate then group_targets.target_value end as target
    from consolidated
    left join group_targets
        on consolidated.indicator_code = group_targets.indicator_code
),

figures as (
    select
        *,
        case when filiales_with_value > 0 then numerator_total end as numerator,
        case when filiales_with_value > 0 then denominator_total end as denominator,
        {#- A boolean consolidates as the percentage of filiales at 1. -#}
        case
            when filiales_with_value > 0
                then {{ figure_value('unit', 'numerator_total', 'denominator_total', ['percent', 'boolean']) }}
        end as value,
        case when unit = 'boolean' then 'percent' else unit end as value_unit
    from with_targets
),

published as (
    {{ bi_figures('figures', replaced=['target_comparison']) }}
)

{{ contract_select('published') }}
