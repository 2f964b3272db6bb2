{#- A target says which way is better (`<` 5 for O1_5): the indicator's
    direction must say the same, or a report would call a move towards the
    target a setback. A failure shows the whole target row to correct. -#}
select
    targets.*,
    catalogue.direction
from {{ ref('indicator_targets') }} as targets
inner join {{ ref('indicator_catalogue') }} as catalogue
    on targets.indicator_code = catalogue.indicator_code
where
    (targets.comparison in ('<', '<=') and catalogue.direction != 'baisse')
    or (targets.comparison in ('>', '>=') and catalogue.direction != 'hausse')
