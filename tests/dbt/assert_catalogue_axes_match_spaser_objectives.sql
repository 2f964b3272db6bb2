{#- Every common indicator's objective is one of the Spaser's, and the axis the
    catalogue names is the one that objective belongs to: the axis
    int_indicator_catalogue_labelled gives it, none for an objective the Spaser
    does not have. -#}
select
    indicator_code,
    axis,
    objective
from {{ ref('int_indicator_catalogue_labelled') }}
where
    is_common
    and (
        axis_number is null
        or not starts_with(axis, 'Axe ' || axis_number || ' ')
    )
