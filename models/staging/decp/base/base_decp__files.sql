{{ config(materialized='table') }}

{#- Files named decp*.json (any case) in the folder of a filiale of
    filiales.csv; other folders are the CSV loader's business. -#}
with listed as (
    select
        file as source_path,
        parse_filename(file) as source_file,
        regexp_extract(file, '([^/\\]+)[/\\][^/\\]+$', 1) as folder
    from glob({{ sql_string(raw_dir() ~ '/*/*') }})
)

select
    filiales.filiale_code,
    listed.source_file,
    listed.source_path
from listed
inner join {{ ref('stg_extracts__filiales') }} as filiales
    on listed.folder = filiales.filiale_code
where regexp_full_match(lower(listed.source_file), 'decp.*\.json')
