{#- The indicator catalogue with the Spaser's structure a reader navigates:
    the axis and the objective of each indicator, numbered and labelled as in
    the source document, and the presentation order (O1_1 before O10_1) and the sense
    in which the indicator improves, with its French definition (macro
    indicator_definitions: the text of its docs block). -#}
with definitions as (
    {{ indicator_definitions() }}
)

select
    catalogue.indicator_code,
    catalogue.sort_order,
    catalogue.direction,
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
