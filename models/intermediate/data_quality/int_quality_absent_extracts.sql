{#- Extracts a filiale did not deliver: the indicators that read them are
    unknown (null), every reporting year. -#}
with extracts as (
    select unnest([{{ sql_literals(filiale_extracts().keys() | list) }}]) as extract
)

select
    filiale_years.filiale_code,
    filiale_years.year,
    'absent_extract' as finding,
    extracts.extract,
    'extraction non livrée : indicateurs inconnus (nuls)' as detail,
    0 as rows_count,
    null::double as amount_ht,
    coalesce(indicators.indicator_codes, []) as affected_indicators
from {{ ref('int_filiale_years') }} as filiale_years
cross join extracts
left join {{ ref('int_extract_indicators') }} as indicators
    on extracts.extract = indicators.extract
anti join {{ ref('stg_extracts__delivery_files') }} as files
    on filiale_years.filiale_code = files.filiale_code and extracts.extract = files.extract
