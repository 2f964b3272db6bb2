{#- The FEC in the audit models, beside the ERP extracts (models/audit/): its
    rejected lines and its line counts, in the shape of theirs, under the
    extract name `fec`. -#}
{% macro fec_rejected_rows() -%}
    select
        filiale_code,
        'fec' as extract,
        source_file,
        line_number,
        reject_reason as reason,
        regexp_replace(reject_reason, '(: .*| \(.*\)| ''[^'']*'')$', '') as reason_kind,
        {{ reject_reason_code('reject_reason') }} as reason_code,
        {{ reject_reason_column('reject_reason') }} as reason_column,
        raw_values
    from {{ ref('base_accounting__fec_lines') }}
    where reject_reason is not null
{%- endmacro %}

{% macro fec_row_counts() -%}
    select
        filiale_code,
        'fec' as extract,
        count(*) as rows_read,
        0 as rows_kept
    from {{ ref('base_accounting__fec_lines') }}
    group by filiale_code
    union all
    select
        filiale_code,
        'fec' as extract,
        0 as rows_read,
        count(*) as rows_kept
    from {{ ref('stg_accounting__fec_lines') }}
    group by filiale_code
{%- endmacro %}
