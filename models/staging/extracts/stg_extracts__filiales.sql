{#- filiales.csv is the reference list every other extract is filed under: a
    row that cannot be read has nowhere to go, so it stops the build with its
    line number instead of going to the rejects. -#}

with source as (
    select * from {{ source('extracts', 'filiales') }}
),

parsed as (
    select
        *,
        {{ staging_parsed_columns('filiales') }}
    from source
),

checked as (
    select
        *,
        coalesce(
            reading_error,
            {{ reject_if_empty('code_filiale') }},
            case
                when siren is not null and not regexp_full_match(siren, '[0-9]{9}')
                    then 'invalid SIREN in ''siren'': ' || siren
            end,
            {{ reject_if_invalid('drom', 'drom__parsed', 'boolean') }},
            case
                when count(*) over (partition by code_filiale) > 1
                    then 'duplicate key (' || code_filiale || ')'
            end
        ) as reject_reason
    from parsed
)

select
    code_filiale as filiale_code,
    raison_sociale as company_name,
    siren,
    {#- `1` in a hand-typed list is département 01, as suppliers' codes read. -#}
    [
        case when regexp_full_match(code, '[0-9]') then '0' || code else upper(code) end
        for code in departements__parsed
    ] as departement_codes,
    coalesce(drom__parsed, false) as is_drom,
    source_file,
    line_number
from checked
where
    reject_reason is null
    or error(source_file || ' line ' || line_number || ': ' || reject_reason || ' (filiales.csv cannot be partly read: fix the line)')
