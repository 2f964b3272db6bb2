{#- Every filiale of filiales.csv in every reporting year: the grid in which
    a missing source makes a figure, a finding or a compliance row unknown
    rather than absent. -#}
select
    filiales.filiale_code,
    years.year
from {{ ref('stg_extracts__filiales') }} as filiales
cross join {{ ref('int_reporting_years') }} as years
