{#- The rows behind every figure of fct_indicators: one row per source row
    (contract, invoice, housing unit, vehicle, ...) that an indicator counts,
    with what it adds to the numerator and the denominator. Only the cells
    that have a figure keep their evidence (perimeter, extracts present).

    A view: stored, it would copy every spend line five times (O1_4, O6_1,
    O6_2, O8_1, O9_3: 65 M rows for 13 M invoices); queried for one
    filiale, year and indicator, DuckDB computes only that branch. -#}
{{ config(materialized='view') }}
{%- set indicator_models = [
    'o1_1', 'o1_2', 'o1_3', 'o1_4', 'o1_5', 'o1_6', 'o1_7', 'o2_1', 'o3_1', 'o3_2', 'o3_3',
    'o3_4', 'o4_1', 'o4_2', 'o4_3', 'o4_4', 'o4_5', 'o5_1', 'o5_2', 'o5_3', 'o5_4', 'o6_1',
    'o6_2', 'o7_1', 'o8_1', 'o9_1', 'o9_2', 'o9_3', 'o10_1'
] -%}

with evidence as (
    {%- for indicator in indicator_models %}
        select * from {{ ref('int_indicator_' ~ indicator) }}
        union all
    {%- endfor %}
    -- Figures a filiale declares for its own optional indicators only: a
    -- declared value never adds to one of the common, computed indicators.

    select
        declared.filiale_code,
        declared.year::integer as year,
        declared.indicator_code,
        'declared_indicator_values' as extract,
        declared.source_reference as business_key,
        'declared_indicator_values.csv' as source_file,
        null::bigint as line_number,
        declared.numerator::{{ contribution_type() }} as numerator_contribution,
        declared.denominator::{{ contribution_type() }} as denominator_contribution,
        json_object('declared_numerator', declared.numerator, 'declared_denominator', declared.denominator) as facts
    from {{ ref('declared_indicator_values') }} as declared
    inner join {{ ref('indicator_catalogue') }} as catalogue
        on declared.indicator_code = catalogue.indicator_code
    where not catalogue.is_common
)

select evidence.*
from evidence
inner join {{ ref('int_indicator_grid') }} as grid
    on
        {{ same_cell('evidence', 'grid') }}
where grid.applicable and grid.has_source_data
