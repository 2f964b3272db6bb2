{#- One entry of the books, on both sides of a join: the FEC numbers its
    entries per journal and per file, so the number alone names none. -#}
{% macro same_entry(left, right) -%}
    {{ left }}.filiale_code = {{ right }}.filiale_code
            and {{ left }}.source_file = {{ right }}.source_file
            and {{ left }}.journal_code = {{ right }}.journal_code
            and {{ left }}.entry_number = {{ right }}.entry_number
{%- endmacro %}
