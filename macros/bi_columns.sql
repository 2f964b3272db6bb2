{#- The columns a BI user sorts and filters the indicator marts by, the same
    in the filiale grid and the group consolidation: where the indicator sits
    in the Spaser, its order, the sense of its target, where its year
    stands at the as-of date and the sense in which it improves (each mart's
    contract sets their order and types: contract_select). Reads the `catalogue` and
    `period` relations that bi_joins adds to the calling model. -#}
{% macro bi_columns(target_comparison) -%}
    catalogue.axis_number,
    catalogue.axis_label,
    catalogue.objective_number,
    catalogue.objective_label,
    catalogue.sort_order,
    {{ target_comparison }} as target_comparison,
    period.period_status,
    period.period_status_label,
    period.as_of_date,
    catalogue.direction,
    catalogue.indicator_definition
{%- endmacro %}

{#- The two relations bi_columns reads, joined to the calling model's figures
    by indicator and by year: written once so that both marts join them alike. -#}
{% macro bi_joins(figures) -%}
left join {{ ref('int_indicator_catalogue_labelled') }} as catalogue
    on {{ figures }}.indicator_code = catalogue.indicator_code
left join {{ ref('int_reporting_years_dated') }} as period
    on {{ figures }}.year = period.year
{%- endmacro %}
