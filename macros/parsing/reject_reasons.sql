{#- Reasons why a raw row cannot be kept (raw-extracts.md, "Bad rows"). Each
    macro yields the reason, or null when the check passes; a staging model
    keeps the first reason of a row, in the order of its columns. -#}

{% macro _quoted(text) -%}
    '{{ text | replace("'", "''") }}'
{%- endmacro %}

{% macro reject_if_empty(column) -%}
    case when {{ column }} is null then {{ _quoted("required field '" ~ column ~ "' is empty") }} end
{%- endmacro %}

{#- A non-empty raw value that its parser could not read. -#}
{% macro _reject_unparsed(column, parsed, label) -%}
    case
        when {{ column }} is not null and ({{ parsed }}) is null
            then {{ _quoted(label ~ " in '" ~ column ~ "': ") }} || {{ column }}
    end
{%- endmacro %}

{% macro reject_if_invalid(column, parsed, kind) -%}
    {{ _reject_unparsed(column, parsed, 'invalid ' ~ kind) }}
{%- endmacro %}

{#- A number outside its contract bounds (a negative count, a percentage
    beyond 100). -#}
{% macro reject_if_out_of_range(column, parsed, min_value=none, max_value=none) -%}
    {%- set bounds = [] -%}
    {%- if min_value is not none %}{% do bounds.append(parsed ~ ' < ' ~ min_value) %}{% endif -%}
    {%- if max_value is not none %}{% do bounds.append(parsed ~ ' > ' ~ max_value) %}{% endif -%}
    {%- set label = 'between ' ~ min_value ~ ' and ' ~ max_value if min_value is not none and max_value is not none
        else ('at least ' ~ min_value if min_value is not none else 'at most ' ~ max_value) -%}
    case
        when {{ bounds | join(' or ') }}
            then {{ _quoted("value out of range (" ~ label ~ ") in '" ~ column ~ "': ") }} || {{ column }}
    end
{%- endmacro %}

{% macro reject_if_unknown_code(column, parsed) -%}
    {{ _reject_unparsed(column, parsed, 'unknown coded value') }}
{%- endmacro %}

{% macro reject_if_unknown_list_item(column, codes) -%}
    case
        when {{ code_list_is_invalid(column, codes) }}
            then {{ _quoted("unknown coded value in '" ~ column ~ "': ") }} || {{ column }}
    end
{%- endmacro %}

{#- Keys are unique per filiale. Among the rows that are otherwise valid, the
    first in file order (files in name order) is kept and the later ones are
    rejected; an invalid row never counts as the first occurrence. The keys
    held by several valid rows are found by an aggregate (a window over every
    row would sort them all) that only counts: a count spills to disk, while
    the first row's position, a struct, holds memory for every key and broke
    the 4 GB at three times the group. The first row is then looked for among
    the rows of the repeated keys only. -#}
{% macro duplicate_keys(relation, key_columns) -%}
    select
        filiale_code,
        {{ key_columns | join(', ') }},
        min({'source_file': source_file, 'line_number': line_number}) as first_row
    from {{ relation }}
    semi join (
        select
            filiale_code,
            {{ key_columns | join(', ') }}
        from {{ relation }}
        where row_reject_reason is null
        group by all
        having count(*) > 1
    ) as repeated_keys using (filiale_code, {{ key_columns | join(', ') }})
    where row_reject_reason is null
    group by all
{%- endmacro %}

{#- The rows of `relation` with their reject reason: their own, else duplicate
    key when a valid row came before them with the same key. -#}
{% macro deduplicate(relation, duplicates, key_columns) -%}
    select
        {{ relation }}.*,
        coalesce(
            {{ relation }}.row_reject_reason,
            case
                when {{ duplicates }}.first_row is not null
                    and {'source_file': {{ relation }}.source_file, 'line_number': {{ relation }}.line_number}
                    <> {{ duplicates }}.first_row
                    then 'duplicate key ('
                        || concat_ws(', ', {% for column in key_columns %}{{ relation }}.{{ column }}{{ ', ' if not loop.last }}{% endfor %})
                        || ')'
            end
        ) as reject_reason
    from {{ relation }}
    left join {{ duplicates }}
        on
            {{ relation }}.filiale_code = {{ duplicates }}.filiale_code
            and {{ relation }}.row_reject_reason is null
            {%- for column in key_columns %}
            and {{ relation }}.{{ column }} = {{ duplicates }}.{{ column }}
            {%- endfor %}
{%- endmacro %}

{#- The stable code of a reject reason (its kind, without column nor value), the key of
    the French labels of seed reject_reason_labels; null for a reason no rule knows, which
    the not_null test of audit_rejected_rows.reason_code then reports. -#}
{% macro reject_reason_code(reason) -%}
    case
        when {{ reason }} like 'required field %' then 'required_field_empty'
        when {{ reason }} like 'invalid % in %'
            then 'invalid_' || lower(regexp_extract({{ reason }}, '^invalid (\w+)', 1))
        when {{ reason }} like 'unknown coded value%' then 'unknown_coded_value'
        when {{ reason }} like 'value out of range%' then 'value_out_of_range'
        when {{ reason }} like 'duplicate key%' then 'duplicate_key'
        when {{ reason }} like 'unknown contract%' then 'unknown_contract'
        when {{ reason }} like 'wrong number of fields%' then 'wrong_number_of_fields'
        when {{ reason }} like 'unreadable quoting%' then 'unreadable_quoting'
    end
{%- endmacro %}

{#- The column a reject reason names (`invalid date in 'date_facture'`), null when none. -#}
{% macro reject_reason_column(reason) -%}
    nullif(regexp_extract({{ reason }}, '(?: in |field )''([^'']+)''', 1), '')
{%- endmacro %}
