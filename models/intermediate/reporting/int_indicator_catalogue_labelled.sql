{#- The indicator catalogue, every column of it, with the Spaser's structure a
    reader navigates: the axis and the objective of each indicator, numbered and
    labelled as in the source document, with its French definition (macro
    indicator_definitions: the text of its docs block). dim_indicators,
    fct_indicator_changes and bi_columns read the catalogue here. -#}
with definitions as (
    {{ indicator_definitions() }}
)

select
    catalogue.*,
    objectives.axis_number,
    objectives.axis_label,
    objectives.objective_number,
    objectives.objective_label,
    definitions.indicator_definition
from {{ ref('indicator_catalogue') }} as catalogue
left join {{ ref('spaser_objectives') }} as objectives
    on catalogue.objective = objectives.objective
left join definitions
    on catalogue.indicator_code = definitions.indicator_code
