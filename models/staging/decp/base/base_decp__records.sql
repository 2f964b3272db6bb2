{{ config(materialized='table') }}

{#- Every record of the DECP files, as published, with its file, the list it
    comes from and its position in that list (from 1). Root
    `{"marches": {"marche": [...]}}` (2024) or `{"marches": [...]}` (earlier
    format); a single object in place of the list is one record. Concession
    contracts are read and flagged, never dropped unseen (records read =
    contracts + concessions ignored + rejects): those of the 2024 format's
    `contrat-concession` list, and records of the `marche` list whose `_type`
    or `nature` names a concession. Any other key (`"autoriteConcedante": ""`,
    which the consolidated format writes on every record) leaves a record a
    contract. A file without a `marches` root stops the build: it is not a
    DECP file. -#}
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
                end as records,
                marches -> '$."contrat-concession"' as concessions
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
            'marche' as list_name,
            coalesce({{ decp_list('records') }}, []) as elements
        from roots
        union all
        select
            source_path,
            'contrat-concession' as list_name,
            coalesce({{ decp_list('concessions') }}, []) as elements
        from roots
    ),

    {#- In the select list, not a lateral join: a lateral unnest would carry
        the whole file's JSON along with each of its records. #}
    listed as (
        select
            source_path,
            list_name,
            unnest(elements) as record,
            generate_subscripts(elements, 1) as line_number
        from lists
    )

    select
        files.filiale_code,
        files.source_file,
        listed.list_name,
        listed.line_number::bigint as line_number,
        listed.record,
        listed.list_name = 'contrat-concession' or coalesce(
            contains({{ normalize_code(decp_text('listed.record', '$._type')) }}, 'concession')
            or contains({{ normalize_code(decp_text('listed.record', '$.nature')) }}, 'concession'),
            false
        ) as is_concession
    from listed
    inner join {{ ref('base_decp__files') }} as files
        on listed.source_path = files.source_path
{%- else %}
    select
        null::varchar as filiale_code,
        null::varchar as source_file,
        null::varchar as list_name,
        null::bigint as line_number,
        null::json as record,
        null::boolean as is_concession
    where false
{%- endif %}
