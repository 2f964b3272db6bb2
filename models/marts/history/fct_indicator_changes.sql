{#- What changed since the previous published build: one row per filiale
    (or group) x year x indicator whose figure moved, with both figures, the
    difference, both builds and the kind of change. Empty on a first
    delivery. -#}
select
    changes.scope::varchar as scope,
    changes.filiale_code::varchar as filiale_code,
    changes.year::integer as year,
    changes.indicator_code::varchar as indicator_code,
    catalogue.indicator_label::varchar as indicator_label,
    changes.unit::varchar as unit,
    changes.change_kind::varchar as change_kind,
    kinds.change_kind_label::varchar as change_kind_label,
    changes.period_kind::varchar as period_kind,
    changes.previous_numerator::{{ contribution_type() }} as previous_numerator,
    changes.numerator::{{ contribution_type() }} as numerator,
    changes.previous_denominator::{{ contribution_type() }} as previous_denominator,
    changes.denominator::{{ contribution_type() }} as denominator,
    changes.previous_value::double as previous_value,
    changes.value::double as value,
    changes.value_difference::double as value_difference,
    changes.vars_changed::boolean as vars_changed,
    changes.seeds_changed::boolean as seeds_changed,
    changes.previous_build_id::varchar as previous_build_id,
    changes.previous_build_at::timestamptz as previous_build_at,
    changes.previous_as_of_date::date as previous_as_of_date,
    changes.build_id::varchar as build_id,
    changes.build_at::timestamptz as build_at,
    changes.as_of_date::date as as_of_date,
    kinds.report_order::integer as report_order,
    catalogue.sort_order::integer as sort_order
from {{ ref('int_indicator_changes_classified') }} as changes
left join {{ ref('indicator_catalogue') }} as catalogue
    on changes.indicator_code = catalogue.indicator_code
left join {{ ref('indicator_change_kinds') }} as kinds
    on changes.change_kind = kinds.change_kind
