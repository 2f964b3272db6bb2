{#- The select list of an indicator's evidence rows: every indicator model
    yields the rows that make its figure, in this shape, and the marts add
    them up (fct_indicator_evidence, fct_indicators). -#}
{% macro evidence_columns(indicator_code, extract, year, business_key, numerator, denominator='null') -%}
    filiale_code,
    ({{ year }})::integer as year,
    '{{ indicator_code }}' as indicator_code,
    '{{ extract }}' as extract,
    ({{ business_key }})::varchar as business_key,
    source_file,
    line_number,
    ({{ numerator }})::double as numerator_contribution,
    ({{ denominator }})::double as denominator_contribution
{%- endmacro %}

{#- 1 when a condition holds, 0 otherwise (unknown counts as no). -#}
{% macro as_flag(condition) -%}
    case when {{ condition }} then 1 else 0 end
{%- endmacro %}

{#- Boolean indicators: several rows may establish the same fact (two
    policies in force); only the first, in the given order, carries the 1 so
    that the evidence adds up to 1, and none when the condition fails. -#}
{% macro establishing_row_flag(order_by, condition='true') -%}
    case
        when ({{ condition }})
            and row_number() over (partition by filiale_code, year order by {{ order_by }}) = 1
            then 1
        else 0
    end
{%- endmacro %}
