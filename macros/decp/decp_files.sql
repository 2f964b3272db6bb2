{#- The DECP files of the delivery, for the model that reads them: their
    paths (a table function takes a constant list) and the largest size, as
    each file is one JSON value that the reader must hold whole. A file that
    is not valid JSON stops the build here, naming it: read on, it would
    publish nothing, and every contract of the filiale would look unpublished.
    Empty before the files model exists (`dbt compile` on a fresh database). -#}
{% macro decp_delivered_files(files_model) %}
    {%- set none_found = {'paths': [], 'max_size': 0} -%}
    {%- if not execute or load_relation(files_model) is none -%}
        {{ return(none_found) }}
    {%- endif -%}
    {%- set listed = run_query('select source_path from ' ~ files_model ~ ' order by source_path') -%}
    {%- set paths = listed.columns[0].values() | list -%}
    {%- if not paths -%}
        {{ return(none_found) }}
    {%- endif -%}
    {#- RFC 8259, judged in Python (spaser.delivery.json_error): DuckDB's JSON
        reader accepts NaN, Infinity and trailing commas. #}
    {%- set checked = run_query(
        'select source_path, spaser_json_error(source_path) as error from ' ~ files_model ~ ' order by source_path'
    ) -%}
    {%- set invalid = [] -%}
    {%- for row in checked.rows if row['error'] -%}
        {%- do invalid.append(row['source_path'] ~ ': ' ~ row['error']) -%}
    {%- endfor -%}
    {%- if invalid -%}
        {{ exceptions.raise_compiler_error(
            'DECP file not valid JSON (the build stops, nothing of it is read): ' ~ invalid | join('; ')
        ) }}
    {%- endif -%}
    {%- set sizes = run_query('select size from read_text([' ~ duckdb_files(paths) ~ '])') -%}
    {{ return({'paths': paths, 'max_size': sizes.columns[0].values() | max}) }}
{% endmacro %}
