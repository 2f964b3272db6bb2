{#- Schemas are named by layer (raw, staging, intermediate, marts, ...), not
    prefixed with the target's schema: BI tools query `marts.fct_indicators`
    whatever target built it. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
