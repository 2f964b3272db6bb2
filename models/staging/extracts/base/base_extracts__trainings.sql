{#- Every row of `formations`, typed by the contract, with its reject reason. -#}
with source as (
    select * from {{ source('extracts', 'formations') }}
),

parsed as (
    select
        *,
        {{ staging_parsed_columns('formations') }}
    from source
),

checked as materialized (
    select
        *,
        {{ staging_row_reject_reason('formations') }} as row_reject_reason
    from parsed
),

duplicates as (
    {{ duplicate_keys('checked', staging_key('formations')) }}
),

deduplicated as (
    {{ deduplicate('checked', 'duplicates', staging_key('formations')) }}
)

select
    filiale_code,
    source_file,
    line_number,
    id_session as session_id,
    date_session__parsed as session_date,
    intitule as title,
    theme,
    nb_participants__parsed as participants_count,
    reject_reason,
    {{ staging_raw_values('formations', 'reject_reason') }} as raw_values
from deduplicated
