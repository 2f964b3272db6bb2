{#- A reject reason when a date is there but does not read as AAAA-MM-JJ. -#}
{% macro decp_reject_if_invalid_date(text, parsed, field) -%}
    case
        when {{ text }} is not null and {{ parsed }} is null
            then 'invalid date in ''{{ field }}'': ' || {{ text }}
    end
{%- endmacro %}
