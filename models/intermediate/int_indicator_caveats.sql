{#- Caveats that depend on the data, per filiale, year and indicator (the
    static ones are in the catalogue): O6_2 is a provisional estimate, with no
    target compared, wherever some of the year's spend is valued with a
    default jobs ratio rather than one derived from the group's TETE runs. -#}
select distinct
    filiale_code,
    spend_year as year,
    'O6_2' as indicator_code,
    'estimation provisoire (ratios par défaut, à remplacer par les résultats TETE du groupe)'
        as caveat,
    true as is_provisional_estimate
from {{ ref('int_spend_jobs_estimated') }}
where is_default_ratio
