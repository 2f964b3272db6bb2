{#- The parsing macros of the staging models applied to the table of parsing
    cases: each raw text read by the macro a contract column of its kind uses
    (`parse_by_kind`). The unit test beside it expects the table itself back,
    so that a macro reading a case otherwise than the table says shows as a
    difference; the delivery validation is held to the same table. -#}
{%- set kinds = ['amount', 'number', 'integer', 'date', 'boolean', 'siret'] %}

with cases as (
    select
        raw_text,
        kind,
        note
    from {{ ref('parsing_cases') }}
),

parsed as (
    select
        raw_text,
        kind,
        note,
        case kind
            {%- for kind in kinds %}
                when '{{ kind }}' then cast({{ parse_by_kind({'name': 'raw_text', 'kind': kind}) }} as varchar)
            {%- endfor %}
            else error('no parsing macro for the kind ' || kind)
        end as parsed_value
    from cases
)

select
    raw_text,
    kind,
    parsed_value is not null as is_valid,
    parsed_value,
    note
from parsed
