{#- RFC 4180 on one record of text, in SQL. A field is either unquoted (no
    quote inside) or wholly quoted, with "" for a quote; anything else is a
    quoting that cannot be read. -#}

{#- The whitespace a value is stripped of (what Python's str.strip() strips),
    as an RE2 class: DuckDB's trim() with a set of characters is ten times
    slower than a regular expression. `excluded`: code points left out (the
    tab that separates the fields of an FEC file). -#}
{% macro csv_whitespace_class(excluded=[]) -%}
    {%- set code_points = [32, 9, 10, 11, 12, 13, 28, 29, 30, 31, 133, 160, 5760]
        + range(8192, 8203) | list + [8232, 8233, 8239, 8287, 12288] -%}
    [{% for code_point in code_points if code_point not in excluded %}\x{{ '{%04X}' | format(code_point) }}{% endfor %}]
{%- endmacro %}

{#- A line made only of whitespace is blank: not a record. -#}
{% macro csv_line_is_blank(line) -%}
    regexp_full_match({{ line }}, '{{ csv_whitespace_class() }}*')
{%- endmacro %}

{#- A record whose every field is well quoted (newlines allowed inside quotes). -#}
{% macro csv_record_is_readable(record) -%}
    regexp_full_match({{ record }}, '(?s)("([^"]|"")*"|[^";]*)(;("([^"]|"")*"|[^";]*))*')
{%- endmacro %}

{#- The fields of a readable record, unquoted. Without a quote, a plain split.
    With quotes, the record split at each quote alternates text outside and
    inside quotes: `;` outside become the field separator, and an empty piece
    between two quoted pieces is an escaped quote (""). -#}
{% macro csv_fields(record) -%}
    case
        when strpos({{ record }}, '"') = 0 then string_split({{ record }}, ';')
        else string_split(
            array_to_string(
                list_transform(
                    string_split({{ record }}, '"'),
                    lambda piece, i: case
                        when i % 2 = 0 then piece
                        when piece = '' and i > 1 and i < len(string_split({{ record }}, '"')) then '"'
                        else replace(piece, ';', chr(57344))
                    end
                ),
                ''
            ),
            chr(57344)
        )
    end
{%- endmacro %}

{#- A field as a value: stripped, null when empty. -#}
{% macro csv_value(field) -%}
    nullif(regexp_replace({{ field }}, '^{{ csv_whitespace_class() }}+|{{ csv_whitespace_class() }}+$', '', 'g'), '')
{%- endmacro %}

{#- The fields of a line without quotes, each stripped. Whitespace next to a
    separator is rare: one test per line spares most lines a regular
    expression per field. -#}
{% macro csv_plain_fields(line) -%}
    case
        when regexp_matches({{ line }}, '(^|;){{ csv_whitespace_class() }}|{{ csv_whitespace_class() }}($|;)')
            then list_transform(
                string_split({{ line }}, ';'),
                lambda field: regexp_replace(field, '^{{ csv_whitespace_class() }}+|{{ csv_whitespace_class() }}+$', '', 'g')
            )
        else string_split({{ line }}, ';')
    end
{%- endmacro %}
