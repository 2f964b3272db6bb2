{#- The dictionary of the exports (macro export_dictionary): one row per
    column of every exported table, with its French label, unit and
    description, read from the dbt graph when the model is built. -#}
with dictionary as (
    {{ export_dictionary() }}
)

select
    export_kind::varchar as export_kind,
    relation_name::varchar as relation_name,
    table_name::varchar as table_name,
    column_position::integer as column_position,
    column_name::varchar as column_name,
    column_label::varchar as column_label,
    column_unit::varchar as column_unit,
    column_description::varchar as column_description
from dictionary
