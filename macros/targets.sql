{#- Whether a value meets its target; null without a target or a value. -#}
{% macro target_met(value, comparison, target) -%}
    (case {{ comparison }}
        when '<' then {{ value }} < {{ target }}
        when '<=' then {{ value }} <= {{ target }}
        when '>' then {{ value }} > {{ target }}
        when '>=' then {{ value }} >= {{ target }}
        when '=' then {{ value }} = {{ target }}
    end)::boolean
{%- endmacro %}
