{#- Every row of `evenements_fournisseurs`, typed by the contract, with its reject reason. -#}
with source as (
    select * from {{ source('extracts', 'evenements_fournisseurs') }}
),

parsed as (
    select
        *,
        {{ staging_parsed_columns('evenements_fournisseurs') }}
    from source
),

checked as materialized (
    select
        *,
        {{ staging_row_reject_reason('evenements_fournisseurs') }} as row_reject_reason
    from parsed
),

duplicates as (
    {{ duplicate_keys('checked', staging_key('evenements_fournisseurs')) }}
),

deduplicated as (
    {{ deduplicate('checked', 'duplicates', staging_key('evenements_fournisseurs')) }}
)

select
    filiale_code,
    source_file,
    line_number,
    id_evenement as event_id,
    date_evenement__parsed as event_date,
    type_evenement__parsed as event_type,
    intitule as title,
    nb_entreprises__parsed as companies_count,
    reject_reason,
    {{ staging_raw_values('evenements_fournisseurs', 'reject_reason') }} as raw_values
from deduplicated
