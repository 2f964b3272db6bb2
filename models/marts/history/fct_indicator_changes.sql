{#- What changed since the previous published build: one row per filiale
    (or group) x year x indicator whose figure moved, with both figures, the
    difference, both builds and the kind of change. Empty on a first
    delivery. -#}
with labelled as (
    select
        changes.*,
        catalogue.indicator_label,
        kinds.change_kind_label,
        kinds.report_order,
        catalogue.sort_order
    from {{ ref('int_indicator_changes_classified') }} as changes
    left join {{ ref('int_indicator_catalogue_labelled') }} as catalogue
        on changes.indicator_code = catalogue.indicator_code
    left join {{ ref('indicator_change_kinds') }} as kinds
        on changes.change_kind = kinds.change_kind
)

{{ contract_select('labelled') }}
