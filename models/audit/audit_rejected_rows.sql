{#- Every raw row that staging could not keep, with the raw values as
    delivered (JSON object keyed by the contract's column names). -#}
{%- set meta_columns = ['filiale_code', 'source_file', 'line_number'] %}

with
{%- for extract, entity in filiale_extracts().items() %}
    {%- set raw_relation = ref('raw_' ~ extract) %}
    {%- set value_columns = adapter.get_columns_in_relation(raw_relation) if execute else [] %}

    {{ extract }}_rejected as (
        select
            base.filiale_code,
            '{{ extract }}' as extract,
            base.source_file,
            base.line_number,
            base.reject_reason as reason,
            {#- The reason without the offending value, to count rejects by kind. #}
            regexp_replace(base.reject_reason, '(: .*| \(.*\)| ''[^'']*'')$', '') as reason_kind,
            to_json(struct_pack(
                {%- for column in value_columns if column.name not in meta_columns %}
                    "{{ column.name }}" := raw."{{ column.name }}"{{ "," if not loop.last }}
                {%- endfor %}
            )) as raw_values
        from {{ ref('base_extracts__' ~ entity) }} as base
        inner join {{ raw_relation }} as raw
            on
                base.filiale_code = raw.filiale_code
                and base.source_file = raw.source_file
                and base.line_number = raw.line_number
        where base.reject_reason is not null
    ){{ "," if not loop.last }}
{%- endfor %}

{% for extract in filiale_extracts() -%}
    select * from {{ extract }}_rejected
    {% if not loop.last %}union all
    {% endif %}
{%- endfor %}

{#- DECP records (issue 12): JSON, not a CSV extract; line_number is the
    record's position in its file's `marche` list. -#}
union all
select
    filiale_code,
    'decp' as extract,
    source_file,
    line_number,
    reject_reason as reason,
    regexp_replace(reject_reason, '(: .*| \(.*\)| ''[^'']*'')$', '') as reason_kind,
    raw_record as raw_values
from {{ ref('base_decp__contracts') }}
where reject_reason is not null
