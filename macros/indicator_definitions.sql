{#- Each indicator's French definition, as a relation (indicator_code,
    indicator_definition): the description of its model int_indicator_<code>,
    which is its docs block indicator_<code> rendered by dbt, read from the
    graph. The definition is written once, in the docs block; the marts and
    the exports carry that text, never a copy to keep in step. Markdown bold
    is dropped (a spreadsheet shows it as asterisks); the rest reads as text. -#}
{% macro indicator_definitions() -%}
    {%- set definitions = [] -%}
    {%- if execute -%}
        {%- for node in graph.get('nodes', {}).values() | sort(attribute='name') -%}
            {%- if node.resource_type == 'model' and node.fqn[:3] == ['spaser', 'intermediate', 'indicators'] -%}
                {%- do definitions.append((node.name[14:] | upper, node.description | replace('**', '') | trim)) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if definitions -%}
        select *
        from (values
            {%- for code, text in definitions %}
                ({{ sql_string(code) }}, {{ sql_string(text) }}){{ ',' if not loop.last }}
            {%- endfor %}
        ) as definitions (indicator_code, indicator_definition)
    {%- else -%}
        select
            null::varchar as indicator_code,
            null::varchar as indicator_definition
        where false
    {%- endif -%}
{%- endmacro %}

{#- The code of each indicator (O1_4, ...): one model int_indicator_<code> each, in
    the graph; empty while dbt parses. -#}
{% macro indicator_codes() -%}
    {%- set codes = [] -%}
    {%- if execute -%}
        {%- for node in graph.get('nodes', {}).values() | sort(attribute='name') -%}
            {%- if node.resource_type == 'model' and node.fqn[:3] == ['spaser', 'intermediate', 'indicators'] -%}
                {%- do codes.append(node.name[14:] | upper) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(codes) }}
{%- endmacro %}

{#- One predicate per value of `column`, plus one for any other value or none
    (all rows when no value is listed, as in a dbt unit test, where the graph
    lists no indicator model): the branches of a union that processes a large
    relation one indicator at a time, each branch holding in memory only its
    part (the 85 M evidence rows of the group at once do not fit in 4 GB). -#}
{% macro partition_predicates(column, values) -%}
    {%- set predicates = [] -%}
    {%- for value in values -%}
        {%- do predicates.append(column ~ ' = ' ~ sql_string(value)) -%}
    {%- endfor -%}
    {%- do predicates.append(column ~ ' is null or ' ~ column ~ ' not in (' ~ sql_literals(values) ~ ')' if values else 'true') -%}
    {{ return(predicates) }}
{%- endmacro %}
