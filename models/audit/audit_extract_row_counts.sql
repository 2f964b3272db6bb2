{#- Rows read, kept and rejected per filiale and extract present in the
    delivery, each counted where it lands (raw, staging, rejects), so that
    the test rows_read = rows_kept + rows_rejected proves nothing was lost.
    An extract with no file for a filiale has no row here: it is absent
    (unknown), not empty. -#}

with present as (
    select
        filiale_code,
        extract,
        count(*) as files_count
    from {{ ref('raw_files') }}
    group by filiale_code, extract
    {#- DECP files (issue 12): records read = kept + rejected, as for the CSV extracts. #}
    union all
    select
        filiale_code,
        'decp' as extract,
        count(*) as files_count
    from {{ ref('base_decp__files') }}
    group by filiale_code
),

landed as (
    {%- for extract, entity in filiale_extracts().items() %}
        select
            filiale_code,
            '{{ extract }}' as extract,
            count(*) as rows_read,
            0 as rows_kept
        from {{ ref('raw_' ~ extract) }}
        group by filiale_code
        union all
        select
            filiale_code,
            '{{ extract }}' as extract,
            0 as rows_read,
            count(*) as rows_kept
        from {{ ref('stg_extracts__' ~ entity) }}
        group by filiale_code
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
    {#- DECP records (issue 12). #}
    union all
    select
        filiale_code,
        'decp' as extract,
        count(*) as rows_read,
        0 as rows_kept
    from {{ ref('base_decp__records') }}
    group by filiale_code
    union all
    select
        filiale_code,
        'decp' as extract,
        0 as rows_read,
        count(*) as rows_kept
    from {{ ref('stg_decp__contracts') }}
    group by filiale_code
),

rejected as (
    select
        filiale_code,
        extract,
        count(*) as rows_rejected
    from {{ ref('audit_rejected_rows') }}
    group by filiale_code, extract
)

select
    present.filiale_code,
    present.extract,
    present.files_count,
    coalesce(sum(landed.rows_read), 0)::bigint as rows_read,
    coalesce(sum(landed.rows_kept), 0)::bigint as rows_kept,
    coalesce(any_value(rejected.rows_rejected), 0)::bigint as rows_rejected
from present
left join landed
    on present.filiale_code = landed.filiale_code and present.extract = landed.extract
left join rejected
    on present.filiale_code = rejected.filiale_code and present.extract = rejected.extract
group by present.filiale_code, present.extract, present.files_count
