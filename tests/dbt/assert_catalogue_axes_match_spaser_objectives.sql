{#- Every common indicator's objective is one of the Spaser's, and the axis the
    catalogue names is the one that objective belongs to: the axis
    int_indicator_catalogue_labelled gives it, none for an objective the Spaser
    does not have. -#}
select
    catalogue.indicator_code,
    catalogue.axis,
    catalogue.objective
from {{ ref('indicator_catalogue') }} as catalogue
inner join {{ ref('int_indicator_catalogue_labelled') }} as labelled
    on catalogue.indicator_code = labelled.indicator_code
where
    catalogue.is_common
    and (
        labelled.axis_number is null
        or not starts_with(catalogue.axis, 'Axe ' || labelled.axis_number || ' ')
    )
