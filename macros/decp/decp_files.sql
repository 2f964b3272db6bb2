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
    {#- A byte-order mark is not JSON, but the JSON reader skips it. -#}
    {%- set checked = run_query(
        'select filename, size, json_valid(ltrim(content, chr(65279))) as is_valid '
        ~ 'from read_text([' ~ duckdb_files(paths) ~ ']) order by filename'
    ) -%}
    {%- set invalid = [] -%}
    {%- for row in checked.rows if not row['is_valid'] -%}
        {%- do invalid.append(row['filename']) -%}
    {%- endfor -%}
    {%- if invalid -%}
        {{ exceptions.raise_compiler_error(
            'DECP file not valid JSON (the build stops, nothing of it is read): ' ~ invalid | join(', ')
        ) }}
    {%- endif -%}
    {{ return({'paths': paths, 'max_size': checked.columns['size'].values() | max}) }}
{% endmacro %}
