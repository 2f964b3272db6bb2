{#- The last step of both indicator marts, the filiale grid and the group
    consolidation: their figures, whether each value meets its target, and the
    columns a BI user sorts and filters by (bi_columns, read through bi_joins).
    `replaced` names the figures' own columns that bi_columns writes too (the
    target's sense; the catalogue's sort order where the figures carry it):
    the relation keeps one of each. -#}
{% macro bi_figures(figures, replaced) -%}
    select
        {{ figures }}.* exclude ({{ replaced | join(', ') }}),
        {{ target_met(figures ~ '.value', figures ~ '.target_comparison', figures ~ '.target') }} as target_met,
        {{ bi_columns(figures ~ '.target_comparison') }}
    from {{ figures }}
    {{ bi_joins(figures) }}
{%- endmacro %}
