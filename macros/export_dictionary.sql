{#- The columns of every exported table, from the dbt graph: the exposures
    marked `spaser_export` (BI exports) or `spaser_audit_export` (auditors'
    exports) name the tables; each column's YAML gives its French label and
    unit (config meta `label`, `unit`) and its description (docs blocks
    rendered). As a relation (export_kind, relation_name, table_name,
    column_position, column_name, column_label, column_unit,
    column_description), so that the exports read the dictionary from the
    published database and never from a copy. Every model an exposure
    exports must be a parent of the calling model (its lineage). -#}
{% macro export_dictionary() -%}
    {%- set rows = [] -%}
    {%- set seen = [] -%}
    {%- if execute -%}
        {%- for exposure in graph.get('exposures', {}).values() | sort(attribute='name') -%}
            {%- set meta = exposure.meta or (exposure.config or {}).get('meta') or {} -%}
            {%- set kind = 'bi' if meta.get('spaser_export') else ('audit' if meta.get('spaser_audit_export') else none) -%}
            {%- if kind -%}
                {%- for unique_id in exposure.depends_on.nodes -%}
                    {%- if unique_id.startswith('model.') and unique_id not in model.depends_on.nodes -%}
                        {%- do exceptions.raise_compiler_error(
                            'exposure ' ~ exposure.name ~ ' exports ' ~ unique_id.split('.')[-1]
                            ~ ', which is not a parent of ' ~ model.name ~ ': add -- depends_on: {{ ref(\'' ~ unique_id.split('.')[-1] ~ '\') }}'
                        ) -%}
                    {%- endif -%}
                    {%- set node = graph.nodes.get(unique_id) or graph.sources.get(unique_id) -%}
                    {%- set table = node.get('identifier') or node.get('alias') or node.name -%}
                    {%- set relation = node.schema ~ '.' ~ table -%}
                    {%- if relation not in seen -%}
                        {%- do seen.append(relation) -%}
                        {%- for column in node.columns.values() -%}
                            {%- set column_meta = (column.get('config') or {}).get('meta') or column.get('meta') or {} -%}
                            {%- do rows.append([kind, relation, table, loop.index, column.name, column_meta.get('label'), column_meta.get('unit'), column.description]) -%}
                        {%- endfor -%}
                    {%- endif -%}
                {%- endfor -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if rows -%}
        select *
        from (values
            {%- for row in rows %}
                ({{ sql_string(row[0]) }}, {{ sql_string(row[1]) }}, {{ sql_string(row[2]) }}, {{ row[3] }}, {{ sql_string(row[4]) }}, {{ sql_string(row[5]) if row[5] else 'null' }}, {{ sql_string(row[6]) if row[6] else 'null' }}, {{ sql_string(row[7] | trim) }}){{ ',' if not loop.last }}
            {%- endfor %}
        ) as dictionary (
            export_kind, relation_name, table_name, column_position, column_name, column_label, column_unit, column_description
        )
    {%- else -%}
        select
            null::varchar as export_kind,
            null::varchar as relation_name,
            null::varchar as table_name,
            null::integer as column_position,
            null::varchar as column_name,
            null::varchar as column_label,
            null::varchar as column_unit,
            null::varchar as column_description
        where false
    {%- endif -%}
{%- endmacro %}
