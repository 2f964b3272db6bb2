{#- Where the delivery is read from. An empty SPASER_RAW_DIR means unset: the
    bundled demo delivery, which every output then names as such. -#}
{% macro raw_dir() -%}
    {{ return((env_var('SPASER_RAW_DIR', '') | trim) or demo_raw_dir()) }}
{%- endmacro %}

{% macro demo_raw_dir() -%}
    {{ return(invocation_args_dict.project_dir ~ '/data/demo/raw') }}
{%- endmacro %}

{% macro is_demo_delivery() -%}
    {{ return(not (env_var('SPASER_RAW_DIR', '') | trim)) }}
{%- endmacro %}

{#- A text as a SQL string literal: paths and values never reach SQL unescaped. -#}
{% macro sql_string(text) -%}
    '{{ text | string | replace("'", "''") }}'
{%- endmacro %}

{#- A file's path as DuckDB's readers must receive it: read_csv, read_json,
    read_text, read_blob, read_parquet and glob take any path as a pattern,
    exact name or not, so a folder named `livraison [2025]` would read its
    sibling `livraison 2`. Each pattern character (`[ ] * ? { }`) becomes a
    class of that one character (`[[]`), which DuckDB reads as the literal
    character (tests/python/test_hostile_deliveries.py shows it on a sibling
    folder holding other data). Every reader goes through this macro; a test
    holds that none passes a path otherwise. -#}
{% macro duckdb_file(path) -%}
    {{ sql_string(duckdb_path_pattern(path)) }}
{%- endmacro %}

{#- The same, unquoted: for a glob whose own pattern follows the folder. -#}
{% macro duckdb_path_pattern(path) -%}
    {{ return(modules.re.sub('([][*?{}])', '[\\1]', path | string)) }}
{%- endmacro %}

{#- Several paths, for a reader's list: `'a', 'b'`. -#}
{% macro duckdb_files(paths) -%}
    {%- for path in paths %}{{ duckdb_file(path) }}{{ ", " if not loop.last }}{% endfor -%}
{%- endmacro %}
