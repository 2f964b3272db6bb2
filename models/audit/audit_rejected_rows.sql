{#- Every raw row that staging could not keep, with the raw values as
    delivered (JSON object keyed by the contract's column names). -#}

{%- for extract, entity in filiale_extracts().items() %}
select
    base.filiale_code,
    '{{ extract }}' as extract,
    base.source_file,
    base.line_number,
    base.reject_reason as reason,
    to_json(raw_row) as raw_values
from {{ ref('base_extracts__' ~ entity) }} as base
inner join (
    select
        filiale_code as _filiale_code,
        source_file as _source_file,
        line_number as _line_number,
        struct_pack(columns(* exclude (filiale_code, source_file, line_number))) as raw_row
    from {{ ref('raw_' ~ extract) }}
) as raw
    on
        base.filiale_code = raw._filiale_code
        and base.source_file = raw._source_file
        and base.line_number = raw._line_number
where base.reject_reason is not null
{% if not loop.last %}union all{% endif %}
{%- endfor %}
