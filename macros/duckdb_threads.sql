{#- SPASER_DUCKDB_THREADS caps the threads DuckDB uses (default: every core);
    a setting in profiles.yml could not say "the default". -#}
{% macro duckdb_threads_from_env() -%}
    {%- set threads = env_var('SPASER_DUCKDB_THREADS', '') | trim -%}
    {%- if threads -%}
        set threads = {{ threads | int }}
    {%- endif -%}
{%- endmacro %}
