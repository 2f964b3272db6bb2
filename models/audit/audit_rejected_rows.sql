{#- Every raw row that staging could not keep, with its reason and the raw
    values as delivered (JSON object keyed by the contract's column names, or
    the record's text when its quoting could not be read). -#}
{% for extract, entity in filiale_extracts().items() -%}
    select
        filiale_code,
        '{{ extract }}' as extract,
        source_file,
        line_number,
        reject_reason as reason,
        {#- The reason without the offending value, to count rejects by kind. #}
        regexp_replace(reject_reason, '(: .*| \(.*\)| ''[^'']*'')$', '') as reason_kind,
        raw_values
    from {{ ref('base_extracts__' ~ entity) }}
    where reject_reason is not null
    union all
{% endfor %}
{{ fec_rejected_rows() }}
