{#- Extracts a filiale delivered with no data row (a header alone): unlike an
    absent extract, the indicators that read them compute (often 0), but that
    figure measures nothing, and the report says so beside it. A file property:
    no year. -#}
select
    counts.filiale_code,
    null::integer as year,
    'empty_extract' as finding,
    counts.extract,
    'fichier livré sans aucune ligne : les indicateurs qui le lisent ne mesurent rien' as detail,
    0 as rows_count,
    null::double as amount_ht,
    coalesce(indicators.indicator_codes, []) as affected_indicators
from {{ ref('audit_extract_row_counts') }} as counts
left join {{ ref('int_extract_indicators') }} as indicators
    on counts.extract = indicators.extract
where counts.rows_read = 0
