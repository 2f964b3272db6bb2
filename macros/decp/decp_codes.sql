{#- A reject reason when an amount is there but is not a finite number;
    `json` is the amount as a JSON value, `field` names it in the reason. -#}
{% macro decp_reject_if_invalid_amount(json, field) -%}
    case
        when {{ decp_amount_is_invalid(json) }}
            then 'invalid amount in ''{{ field }}'': ' || (({{ json }})::varchar)
    end
{%- endmacro %}

{#- A reject reason when a date is there but does not read as AAAA-MM-JJ. -#}
{% macro decp_reject_if_invalid_date(text, parsed, field) -%}
    case
        when {{ text }} is not null and {{ parsed }} is null
            then 'invalid date in ''{{ field }}'': ' || {{ text }}
    end
{%- endmacro %}
