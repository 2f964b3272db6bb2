{#- The parse and check steps of a base staging model, written from the
    contract (contract_table): each typed column is read by the parser of its
    kind into `<column>__parsed`, and a row's reject reason is the first check
    that fails, column after column in contract order. -#}

{% macro staging_parsed_columns(extract) -%}
    {%- for column in contract_table(extract).columns if column.kind != 'text' %}
        {{ parse_by_kind(column) }} as {{ column.name }}__parsed{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{% macro parse_by_kind(column) -%}
    {%- set name = column.name -%}
    {%- if column.kind == 'date' -%}{{ parse_date(name) }}
    {%- elif column.kind == 'amount' -%}{{ parse_amount(name) }}
    {%- elif column.kind == 'number' -%}{{ parse_number(name) }}
    {%- elif column.kind == 'integer' -%}{{ parse_integer(name) }}
    {%- elif column.kind == 'boolean' -%}{{ parse_boolean(name) }}
    {%- elif column.kind == 'code' -%}{{ parse_code(name, column.codes) }}
    {%- elif column.kind == 'code_list' -%}{{ parse_code_list(name, column.codes) }}
    {%- elif column.kind == 'list' and column.codes -%}{{ known_codes(name, column.codes) }}
    {%- elif column.kind == 'list' -%}{{ parse_list(name) }}
    {%- elif column.kind == 'siret' -%}{{ parse_siret(name) }}
    {%- else -%}{{ exceptions.raise_compiler_error("unknown column kind '" ~ column.kind ~ "' for " ~ name) }}
    {%- endif -%}
{%- endmacro %}

{#- The first reason a row cannot be kept: a record whose quoting could not be
    read, then each column's checks. `extra_checks` adds a model's own checks
    (a reference to another extract) after a column's. -#}
{% macro staging_row_reject_reason(extract, extra_checks={}) -%}
    coalesce(
        reading_error,
        {%- for column in contract_table(extract).columns %}
            {%- for check in column_checks(column) + ([extra_checks[column.name]] if column.name in extra_checks else []) %}
        {{ check }},
            {%- endfor %}
        {%- endfor %}
        null
    )
{%- endmacro %}

{% macro column_checks(column) -%}
    {%- set name = column.name -%}
    {%- set parsed = name ~ '__parsed' -%}
    {%- set checks = [] -%}
    {%- if column.required -%}{%- do checks.append(reject_if_empty(name)) -%}{%- endif -%}
    {%- if column.kind in ['date', 'amount', 'number', 'integer', 'boolean'] -%}
        {%- do checks.append(reject_if_invalid(name, parsed, column.kind)) -%}
    {%- elif column.kind == 'code' -%}
        {%- do checks.append(reject_if_unknown_code(name, parsed)) -%}
    {%- elif column.kind == 'code_list' -%}
        {%- do checks.append(reject_if_unknown_list_item(name, column.codes)) -%}
    {%- elif column.kind == 'siret' and column.required -%}
        {%- do checks.append(reject_if_invalid(name, parsed, 'SIRET')) -%}
    {%- endif -%}
    {%- if column.min is not none or column.max is not none -%}
        {%- do checks.append(reject_if_out_of_range(name, parsed, column.min, column.max)) -%}
    {%- endif -%}
    {{ return(checks) }}
{%- endmacro %}

{#- The key of the extract as staged (a SIRET or a date by its parsed value). -#}
{% macro staging_key(extract) -%}
    {%- set table = contract_table(extract) -%}
    {%- set key = [] -%}
    {%- for name in table.key -%}
        {%- set column = contract_column(extract, name) -%}
        {%- do key.append(name if column.kind == 'text' else name ~ '__parsed') -%}
    {%- endfor -%}
    {{ return(key) }}
{%- endmacro %}

{#- The raw values of a rejected row, as delivered (a JSON object keyed by the
    contract's column names; the record's text when its quoting could not be
    read); null for a kept row. -#}
{% macro staging_raw_values(extract, reject_reason) -%}
    case
        when reading_error is not null then to_json({'raw_record': raw_record})
        when {{ reject_reason }} is not null then to_json(struct_pack(
            {%- for column in contract_table(extract).columns %}
            "{{ column.name }}" := {{ column.name }}{{ "," if not loop.last }}
            {%- endfor %}
        ))
    end
{%- endmacro %}
