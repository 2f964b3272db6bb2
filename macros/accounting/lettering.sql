{#- Two supplier lines of one account (and auxiliary account) lettered together. -#}
{% macro same_lettering(left, right) -%}
    {{ left }}.filiale_code = {{ right }}.filiale_code
            and {{ left }}.account_number = {{ right }}.account_number
            and {{ left }}.auxiliary_account_number is not distinct from {{ right }}.auxiliary_account_number
            and {{ left }}.lettering_code = {{ right }}.lettering_code
{%- endmacro %}
