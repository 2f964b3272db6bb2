{#- The indicator catalogue as BI tools and auditors read it, one row per
    indicator: where it sits in the Spaser, its unit, the sense in which it
    improves, the group's target and its French definition (the text of its
    docs block, macro indicator_definitions). -#}
with group_targets as (
    select * from {{ ref('indicator_targets') }}
    where filiale_code is null
)

select
    catalogue.indicator_code::varchar as indicator_code,
    catalogue.sort_order::integer as sort_order,
    catalogue.indicator_label::varchar as indicator_label,
    catalogue.unit::varchar as unit,
    labelled.direction::varchar as direction,
    labelled.axis_number::integer as axis_number,
    labelled.axis_label::varchar as axis_label,
    labelled.objective_number::integer as objective_number,
    labelled.objective_label::varchar as objective_label,
    group_targets.comparison::varchar as target_comparison,
    group_targets.target_value::double as target,
    catalogue.perimeter::varchar as perimeter,
    catalogue.required_extracts::varchar as required_extracts,
    catalogue.is_common::boolean as is_common,
    catalogue.caveat::varchar as caveat,
    catalogue.docs_block::varchar as docs_block,
    labelled.indicator_definition::varchar as indicator_definition
from {{ ref('indicator_catalogue') }} as catalogue
left join {{ ref('int_indicator_catalogue_labelled') }} as labelled
    on catalogue.indicator_code = labelled.indicator_code
left join group_targets
    on catalogue.indicator_code = group_targets.indicator_code
