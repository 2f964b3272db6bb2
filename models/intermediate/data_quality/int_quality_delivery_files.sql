{#- What the raw layer noticed about a file itself: read as Windows-1252
    because it is not UTF-8 (check its accents), an optional column of the
    contract missing from its header (read as empty in every row: the
    indicators that read it are computed without it), and a file of a
    filiale folder that matches no pattern of the contract (not read: a
    misnamed extract leaves its data out). -#}
with files as (
    select * from {{ ref('stg_extracts__delivery_files') }}
    where filiale_code is not null
),

missing_columns as (
    select
        files.filiale_code,
        files.extract,
        files.source_file,
        unnest(files.missing_optional_columns) as column_name
    from files
)

select
    filiale_code,
    null::integer as year,
    'file_not_utf8' as finding,
    extract,
    source_file || ' : lu en Windows-1252 (fichier non UTF-8)' as detail,
    1 as rows_count,
    null::double as amount_ht,
    []::varchar[] as affected_indicators
from files
where encoding = 'windows-1252'

union all

select
    missing_columns.filiale_code,
    null::integer as year,
    'optional_column_missing' as finding,
    missing_columns.extract,
    missing_columns.source_file || ' : colonne « ' || missing_columns.column_name || ' » absente, lue vide' as detail,
    1 as rows_count,
    null::double as amount_ht,
    coalesce(any_value(contract.indicators::json::varchar[]), []) as affected_indicators
from missing_columns
left join {{ ref('stg_extracts__contract_columns') }} as contract
    on missing_columns.extract = contract.extract and missing_columns.column_name = contract.column_name
group by missing_columns.filiale_code, missing_columns.extract, missing_columns.source_file, missing_columns.column_name

union all

select
    filiale_code,
    null::integer as year,
    'unrecognized_file' as finding,
    null::varchar as extract,
    'fichier non reconnu : ' || source_file || case when kind = 'folder' then ' (dossier)' else '' end
    || ' — aucun motif du contrat, non lu' as detail,
    1 as rows_count,
    null::double as amount_ht,
    []::varchar[] as affected_indicators
from {{ ref('stg_extracts__unrecognized_files') }}
