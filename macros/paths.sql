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
