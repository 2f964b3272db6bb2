{#- The reporting years: those of the reporting calendar
    (metricflow_time_spine, from the vars spaser_first_year and
    spaser_last_year), so that the grid's years and MetricFlow's days are
    one range, declared once. -#}
select distinct year(date_day)::integer as year
from {{ ref('metricflow_time_spine') }}
