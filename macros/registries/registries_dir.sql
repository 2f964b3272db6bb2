{#- Where the supplier registries are read from (registries.md). Set
    SPASER_REGISTRIES_DIR to a folder to use it, or to an empty value to build
    without registries. Unset, the bundled demo delivery gets the bundled
    demo registries so that a new user sees the feature, and any other
    delivery gets none: a real delivery never picks up demo data silently. -#}
{% macro registries_dir() -%}
    {%- set configured = env_var('SPASER_REGISTRIES_DIR', '<unset>') -%}
    {%- if configured != '<unset>' -%}
        {{ return((configured | trim) or none) }}
    {%- elif is_bundled_demo_delivery() -%}
        {{ return(invocation_args_dict.project_dir ~ '/data/demo/registries') }}
    {%- else -%}
        {{ return(none) }}
    {%- endif -%}
{%- endmacro %}

{#- The raw folder is the bundled demo, whether by default or named. -#}
{% macro is_bundled_demo_delivery() -%}
    {%- set configured = (env_var('SPASER_RAW_DIR', '') | trim).rstrip('/') -%}
    {{ return(configured in ('', demo_raw_dir(), 'data/demo/raw', './data/demo/raw')) }}
{%- endmacro %}
