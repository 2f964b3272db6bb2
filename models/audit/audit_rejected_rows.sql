{#- Every raw row that staging could not keep, with its reason and the raw
    values as delivered (JSON object keyed by the contract's column names,
    the record's text when its quoting could not be read, or the DECP record
    as published). The seed of the reasons' French labels is declared a parent,
    so that any selection building this model builds it for the relationship
    test of reason_code. -#}
-- depends_on: {{ ref('reject_reason_labels') }}
{% for extract, models in audited_extracts().items() -%}
    select
        filiale_code,
        '{{ extract }}' as extract,
        source_file,
        line_number,
        reject_reason as reason,
        {#- The reason without the offending value, to count rejects by kind. #}
        regexp_replace(reject_reason, '(: .*| \(.*\)| ''[^'']*'')$', '') as reason_kind,
        {{ reject_reason_code('reject_reason') }} as reason_code,
        {{ reject_reason_column('reject_reason') }} as reason_column,
        {{ models.raw_values }}::json as raw_values
    from {{ ref(models.base) }}
    where reject_reason is not null
    union all
{% endfor %}
{{ fec_rejected_rows() }}
