{#- How a figure is read from its numerator and denominator. -#}

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

{#- The value of a figure from its numerator and denominator, by unit:
    percentages are 100 x n / d, days n / d (null on an empty denominator),
    anything else is the numerator itself. -#}
{% macro figure_value(unit, numerator, denominator, percent_units=['percent']) -%}
    case
        when {{ unit }} in ({{ sql_literals(percent_units) }}) then 100 * {{ numerator }} / nullif({{ denominator }}, 0)
        when {{ unit }} = 'days' then {{ numerator }} / nullif({{ denominator }}, 0)
        else {{ numerator }}
    end
{%- endmacro %}

{#- One cell of the grid (filiale, year, indicator) on both sides of a join:
    a figure, its evidence rows and its changes are all keyed so. -#}
{% macro same_cell(left, right) -%}
    {{ left }}.filiale_code = {{ right }}.filiale_code
            and {{ left }}.year = {{ right }}.year
            and {{ left }}.indicator_code = {{ right }}.indicator_code
{%- endmacro %}
