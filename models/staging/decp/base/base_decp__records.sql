{{ config(materialized='table') }}

{#- Every record (`marche`) of the DECP files, as published, with its file
    and its position in the file's `marche` list (from 1). Root
    `{"marches": {"marche": [...]}}` (2024) or `{"marches": [...]}` (earlier
    format); a single object in place of the list is one record. Concession
    contracts are not records: the 2024 format lists them beside `marche`,
    the earlier one among the records (`autoriteConcedante`), where they
    keep their place in the numbering. A file without a `marches` root stops
    the build: it is not a DECP file. The earlier format may hold a single
    record object in place of its list. -#}
{%- set files = decp_delivered_files(ref('base_decp__files')) %}

{%- if files.paths %}
    {#- One scan per file: a single scan of every file would hand them over
        together, each as one JSON value, and the memory would grow with the
        whole delivery rather than with its largest file. #}
    with roots as (
        {%- for path in files.paths %}
            select
                filename as source_path,
                case
                    when json_type(marches) = 'ARRAY' then marches
                    when json_exists(marches, '$.marche') or json_exists(marches, '$."contrat-concession"')
                        then marches -> '$.marche'
                    {#- The earlier format with a single record in place of its list. #}
                    else marches
                end as records
            from read_json(
                [{{ duckdb_file(path) }}],
                format = 'auto',
                records = true,
                columns = {marches: 'JSON'},
                filename = true,
                maximum_object_size = {{ [files.max_size + 1, 16777216] | max }}
            )
            where
                json_type(marches) in ('OBJECT', 'ARRAY')
                or error('DECP file without a "marches" list at its root: ' || filename)
            {% if not loop.last %}union all{% endif %}
        {%- endfor %}
    ),

    lists as (
        select
            source_path,
            coalesce({{ decp_list('records') }}, []) as elements
        from roots
    ),

    {#- In the select list, not a lateral join: a lateral unnest would carry
        the whole file's JSON along with each of its records. #}
    listed as (
        select
            source_path,
            unnest(elements) as record,
            generate_subscripts(elements, 1) as line_number
        from lists
    )

    select
        files.filiale_code,
        files.source_file,
        listed.line_number::bigint as line_number,
        listed.record
    from listed
    inner join {{ ref('base_decp__files') }} as files
        on listed.source_path = files.source_path
    where not json_exists(listed.record, '$.autoriteConcedante')
{%- else %}
    select
        null::varchar as filiale_code,
        null::varchar as source_file,
        null::bigint as line_number,
        null::json as record
    where false
{%- endif %}
