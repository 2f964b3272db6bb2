{#- One row per filiale, reporting year and indicator: the complete grid,
    each figure the sum of its evidence rows. -#}
with totals as (
    select
        filiale_code,
        year,
        indicator_code,
        sum(numerator_contribution) as numerator,
        sum(denominator_contribution) as denominator
    from {{ ref('int_indicator_evidence') }}
    group by filiale_code, year, indicator_code
),

cells as (
    select
        grid.*,
        grid.applicable and grid.has_source_data as has_figure,
        coalesce(totals.numerator, 0) as numerator_total,
        coalesce(totals.denominator, 0) as denominator_total
    from {{ ref('int_indicator_grid') }} as grid
    left join totals
        on
            {{ same_cell('grid', 'totals') }}
),

figures as (
    select
        *,
        case when has_figure then numerator_total end as numerator,
        case when has_figure and unit in ('percent', 'days') then denominator_total end as denominator,
        case
            when has_figure then {{ figure_value('unit', 'numerator_total', 'denominator_total') }}
        end as value
    from cells
)

select
    figures.filiale_code::varchar as filiale_code,
    figures.year::integer as year,
    figures.indicator_code::varchar as indicator_code,
    figures.indicator_label::varchar as indicator_label,
    figures.unit::varchar as unit,
    figures.numerator::{{ contribution_type() }} as numerator,
    figures.denominator::{{ contribution_type() }} as denominator,
    figures.value::double as value,
    figures.target::double as target,
    {{ target_met('figures.value', 'figures.target_comparison', 'figures.target') }} as target_met,
    figures.applicable::boolean as applicable,
    figures.is_provisional_estimate::boolean as is_provisional_estimate,
    figures.caveat::varchar as caveat,
    {{ bi_columns('figures.target_comparison') }}
from figures
{{ bi_joins('figures') }}
