{#- The input contract, read from the sources' meta (models/staging/extracts/
    _extracts__sources.yml): the raw layer, the staging models and the tests
    read it from there, so that a coded value or a column is added once. -#}

{% macro contract_table(extract) -%}
    {#- The graph is only there at run time; parsing needs no column. -#}
    {%- if not execute -%}
        {{ return({'name': extract, 'key': [], 'per_filiale': true, 'columns': []}) }}
    {%- elif graph.get('sources') -%}
        {{ return(contract_table_from_graph(extract)) }}
    {%- else -%}
        {{ return(contract_table_from_database(extract)) }}
    {%- endif -%}
{%- endmacro %}

{% macro contract_table_from_graph(extract) -%}
    {%- set node = graph.sources.get('source.' ~ project_name ~ '.extracts.' ~ extract) -%}
    {%- if node is none -%}
        {{ exceptions.raise_compiler_error("no contract for the extract '" ~ extract ~ "'") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- for name, column in node.columns.items() -%}
        {%- do columns.append({
            'name': name,
            'kind': column.meta.kind,
            'required': column.meta.get('required', false),
            'codes': column.meta.get('codes', []),
            'min': column.meta.get('min'),
            'max': column.meta.get('max'),
            'indicators': column.meta.get('indicators', []),
        }) -%}
    {%- endfor -%}
    {{ return({
        'name': extract,
        'key': node.meta.key,
        'per_filiale': node.meta.get('per_filiale', true),
        'columns': columns,
    }) }}
{%- endmacro %}

{#- dbt's unit tests run without the graph: they read the copy of the contract
    that the on-run-start hook landed as raw.contract_columns. -#}
{% macro contract_table_from_database(extract) -%}
    {%- set result = run_query(
        "select column_name, kind, required, codes, min_value, max_value, indicators, key_position, per_filiale"
        ~ " from raw.contract_columns where extract = " ~ sql_string(extract) ~ " order by position"
    ) -%}
    {%- if result.rows | length == 0 -%}
        {{ exceptions.raise_compiler_error("no contract for the extract '" ~ extract ~ "' in raw.contract_columns: run dbt build") }}
    {%- endif -%}
    {%- set columns = [] -%}
    {%- set key = [] -%}
    {%- for row in result.rows -%}
        {%- do columns.append({
            'name': row[0], 'kind': row[1], 'required': row[2], 'codes': fromjson(row[3]),
            'min': row[4], 'max': row[5], 'indicators': fromjson(row[6]),
        }) -%}
        {%- if row[7] is not none -%}{%- do key.append((row[7], row[0])) -%}{%- endif -%}
    {%- endfor -%}
    {{ return({
        'name': extract,
        'key': key | sort | map(attribute=1) | list,
        'per_filiale': result.rows[0][8],
        'columns': columns,
    }) }}
{%- endmacro %}

{#- The contract as a table (raw.contract_columns), for auditors and for the
    contexts that have no graph. -#}
{% macro contract_columns_sql() -%}
    create or replace table raw.contract_columns as
    select * from (values
        {%- for extract in contract_extracts(false) + contract_extracts() -%}
            {%- set table = contract_table_from_graph(extract) -%}
            {%- for column in table.columns %}
                ({{ sql_string(extract) }}, {{ loop.index }}, {{ sql_string(column.name) }}, {{ sql_string(column.kind) }},
                {{ column.required }}, {{ sql_string(tojson(column.codes)) }},
                {{ sql_string(column.min) if column.min is not none else 'null' }}::varchar,
                {{ sql_string(column.max) if column.max is not none else 'null' }}::varchar,
                {{ sql_string(tojson(column.indicators)) }},
                {{ table.key.index(column.name) + 1 if column.name in table.key else 'null' }}::integer, {{ table.per_filiale }})
                {{- "," if not loop.last }}
            {%- endfor -%}
            {{- "," if not loop.last }}
        {%- endfor %}
    ) as contract (extract, position, column_name, kind, required, codes, min_value, max_value, indicators, key_position, per_filiale)
{%- endmacro %}

{#- The extracts of the contract, in the order of the sources file. -#}
{% macro contract_extracts(per_filiale=true) -%}
    {%- set names = [] -%}
    {%- if not execute -%}{{ return(names) }}{%- endif -%}
    {%- for node in graph.sources.values()
        if node.source_name == 'extracts' and node.meta.get('key') is not none
        and node.meta.get('per_filiale', true) == per_filiale -%}
        {%- do names.append(node.name) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{% macro contract_column(extract, column_name) -%}
    {%- if not execute -%}{{ return({'name': column_name, 'kind': 'text', 'codes': []}) }}{%- endif -%}
    {%- for column in contract_table(extract).columns if column.name == column_name -%}
        {{ return(column) }}
    {%- endfor -%}
    {{ exceptions.raise_compiler_error("no column '" ~ column_name ~ "' in the contract of '" ~ extract ~ "'") }}
{%- endmacro %}
