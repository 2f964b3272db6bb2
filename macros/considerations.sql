{#- The labels of the ERP's `considerations_sociales` and
    `considerations_environnementales` (and of the DECP schema, which uses the
    same) that state a consideration; `Pas de considération …` states none.
    Read by O1_3 and O1_2, and by the DECP consistency checks. -#}
{% macro social_consideration_codes() -%}
    {{ return(['Clause sociale', 'Critère social', 'Marché réservé']) }}
{%- endmacro %}

{% macro environmental_consideration_codes() -%}
    {{ return(['Clause environnementale', 'Critère environnemental']) }}
{%- endmacro %}
