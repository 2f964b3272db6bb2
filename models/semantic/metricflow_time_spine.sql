{#- MetricFlow's calendar: one row per day of the reporting years. The
    indicators are yearly, but MetricFlow joins and truncates on a daily
    spine. -#}
select range::date as date_day
from range(
    make_date({{ var('spaser_first_year') }}, 1, 1),
    make_date({{ var('spaser_last_year') }} + 1, 1, 1),
    interval 1 day
)
