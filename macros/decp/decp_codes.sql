{#- Labels of the DECP schema (and of the ERP's lists, which use the same)
    that state a consideration; `Pas de considération …` states none. -#}
{% macro social_consideration_codes() -%}
    {{ return(['Clause sociale', 'Critère social', 'Marché réservé']) }}
{%- endmacro %}

{% macro environmental_consideration_codes() -%}
    {{ return(['Clause environnementale', 'Critère environnemental']) }}
{%- endmacro %}

{#- A reject reason when a date is there but does not read as AAAA-MM-JJ. -#}
{% macro decp_reject_if_invalid_date(text, parsed, field) -%}
    case
        when {{ text }} is not null and {{ parsed }} is null
            then 'invalid date in ''{{ field }}'': ' || {{ text }}
    end
{%- endmacro %}
