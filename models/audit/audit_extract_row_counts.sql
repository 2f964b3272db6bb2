{#- Rows read, kept and rejected per filiale and extract present in the
    delivery. Every record the raw layer reads is one row of its base model
    (rows read); the kept rows are its stg_ view, the rejected ones
    audit_rejected_rows, so that the test rows_read = rows_kept +
    rows_rejected proves that no row is lost on the way. An extract with no
    file for a filiale has no row here: it is absent (unknown), not empty. -#}

with present as (
    select
        filiale_code,
        extract,
        count(*) as files_count
    from {{ ref('stg_extracts__delivery_files') }}
    where filiale_code is not null
    group by filiale_code, extract
),

counted as (
    {%- for extract, models in audited_extracts().items() %}
        select
            filiale_code,
            '{{ extract }}' as extract,
            count(*) as rows_read,
            0 as rows_kept
        from {{ ref(models.base) }}
        group by filiale_code
        union all
        select
            filiale_code,
            '{{ extract }}' as extract,
            0 as rows_read,
            count(*) as rows_kept
        from {{ ref(models.kept) }}
        group by filiale_code
        union all
    {%- endfor %}
    {{ fec_row_counts() }}
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
    coalesce(sum(counted.rows_read), 0)::bigint as rows_read,
    coalesce(sum(counted.rows_kept), 0)::bigint as rows_kept,
    coalesce(any_value(rejected.rows_rejected), 0)::bigint as rows_rejected
from present
left join counted
    on present.filiale_code = counted.filiale_code and present.extract = counted.extract
left join rejected
    on present.filiale_code = rejected.filiale_code and present.extract = rejected.extract
group by present.filiale_code, present.extract, present.files_count
