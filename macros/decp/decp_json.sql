{#- Reading the national DECP JSON format (schema_decp_v2.0.3 and the earlier
    format), whose lists come wrapped in an object by the schema
    (`"techniques": {"technique": [...]}`) and flat from many platforms, and
    whose one-element lists come as a bare value from XML conversions. Each
    macro takes a JSON expression and returns SQL values. -#}

{#- The value under `key` when the object wraps it, else the value itself. -#}
{% macro decp_unwrap(json, key) -%}
    case
        when json_type({{ json }}) = 'OBJECT' and json_exists(({{ json }}), '$.{{ key }}')
            then ({{ json }}) -> '$.{{ key }}'
    end
{%- endmacro %}

{#- A JSON list as a SQL list of JSON values; a bare value is a list of one;
    absent or null is null (unknown), not an empty list. -#}
{% macro decp_list(json) -%}
    case
        when ({{ json }}) is null or json_type({{ json }}) = 'NULL' then null
        when json_type({{ json }}) = 'ARRAY' then ({{ json }})::json []
        else [({{ json }})]
    end
{%- endmacro %}

{#- The items of a list that the schema may wrap under `key`. -#}
{% macro decp_items(json, key) -%}
    [
        coalesce({{ decp_unwrap('item', key) }}, item)
        for item in {{ decp_list('coalesce(' ~ decp_unwrap(json, key) ~ ', ' ~ json ~ ')') }}
    ]
{%- endmacro %}

{#- Labels of a (possibly wrapped) list of strings, stripped, empty ones dropped. -#}
{% macro decp_labels(json, key) -%}
    [
        trim(label ->> '$')
        for label in {{ decp_list('coalesce(' ~ decp_unwrap(json, key) ~ ', ' ~ json ~ ')') }}
        if trim(label ->> '$') <> ''
    ]
{%- endmacro %}

{#- A scalar as stripped text; empty is null. -#}
{% macro decp_text(json, path) -%}
    nullif(trim(({{ json }}) ->> '{{ path }}'), '')
{%- endmacro %}

{#- AAAA-MM-JJ, optionally followed by a time zone offset (`+02:00`, `Z`) or
    a time (`T00:00:00`, itself with an offset or not), as the 2019 format and
    several platforms write them: the date is the calendar date written, the
    rest is ignored. An impossible date (2025-13-05) is null. -#}
{% macro decp_date(text) -%}
    case
        when regexp_full_match(
            {{ text }},
            '[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:?[0-9]{2}|T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?'
        )
            then try_strptime(left({{ text }}, 10), '%Y-%m-%d')::date
    end
{%- endmacro %}

{#- An amount (a JSON value): a finite JSON number, or a string holding a
    decimal number (`.` or `,` as the decimal mark, no thousands separator),
    as some platforms export them; anything else is null, and
    decp_amount_is_invalid tells it from an absent amount. -#}
{% macro decp_amount(json) -%}
    case
        when json_type({{ json }}) in ('BIGINT', 'UBIGINT', 'DOUBLE')
            then try_cast(({{ json }}) ->> '$' as decimal(18, 4))
        when json_type({{ json }}) = 'VARCHAR'
            and regexp_full_match(trim(({{ json }}) ->> '$'), '-?[0-9]+([.,][0-9]+)?')
            then try_cast(replace(trim(({{ json }}) ->> '$'), ',', '.') as decimal(18, 4))
    end
{%- endmacro %}

{#- An amount present (neither absent, JSON null nor an empty string) that is
    not a finite number, or beyond what a decimal(18, 4) holds. -#}
{% macro decp_amount_is_invalid(json) -%}
    (
        ({{ json }}) is not null
        and json_type({{ json }}) <> 'NULL'
        and coalesce(trim(({{ json }}) ->> '$'), '') <> ''
        and {{ decp_amount(json) }} is null
    )
{%- endmacro %}

{#- Any label of the list among the codes, compared without case or accents. -#}
{% macro decp_has_any(labels, codes) -%}
    list_has_any(
        [{{ normalize_code('label') }} for label in {{ labels }}],
        [{% for code in codes %}{{ normalize_code(sql_string(code)) }}{{ ", " if not loop.last }}{% endfor %}]
    )
{%- endmacro %}
