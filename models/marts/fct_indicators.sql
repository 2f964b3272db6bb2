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
),

published as (
    {{ bi_figures('figures', replaced=['sort_order', 'target_comparison']) }}
)

{{ contract_select('published') }}
