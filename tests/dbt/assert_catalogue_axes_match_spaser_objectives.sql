{#- Every common indicator's objective is one of the Spaser's, and the axis the
    catalogue names is the one that objective belongs to. -#}
select
    catalogue.indicator_code,
    catalogue.axis,
    catalogue.objective
from {{ ref('indicator_catalogue') }} as catalogue
left join {{ ref('spaser_objectives') }} as objectives
    on catalogue.objective = objectives.objective
where
    catalogue.is_common
    and (
        objectives.objective is null
        or not starts_with(catalogue.axis, 'Axe ' || objectives.axis_number || ' ')
    )
