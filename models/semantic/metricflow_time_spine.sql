{#- MetricFlow's calendar: one row per day of the reporting years. The
    indicators are yearly, but MetricFlow joins and truncates on a daily
    spine. -#}
{%- set first_day = "make_date(" ~ var('spaser_first_year') ~ ", 1, 1)" -%}
{%- set after_last_day = "make_date(" ~ var('spaser_last_year') ~ " + 1, 1, 1)" %}

select range::date as date_day
from range({{ first_day }}, {{ after_last_day }}, interval 1 day)
