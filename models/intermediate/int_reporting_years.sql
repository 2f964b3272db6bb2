{#- The reporting years of the grid, from the spaser_first_year and
    spaser_last_year vars. -#}
select range::integer as year
from range({{ var('spaser_first_year') }}, {{ var('spaser_last_year') }} + 1)
