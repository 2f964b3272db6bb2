{#- The SQL of the view raw.fec: every line of every FEC file (numbered from
    1, the header; blank lines are not rows), split at the file's separator,
    each field stripped (an FEC has no quoting: a quote is a character), and
    the contract's fields taken by their position in the file's header. A
    line whose number of fields is not the header's is kept with its text
    and a reading error, for the rejects. `files` are raw_fec_file's. -#}
{% macro raw_fec_sql(files) -%}
    {%- set contract_fields = fec_contract_fields() -%}
    {%- for file in files %}
        select
            {{ sql_string(file.filiale_code) }}::varchar as filiale_code,
            {{ sql_string(file.source_file) }}::varchar as source_file,
            line_number,
            {{ sql_string(file.layout) }}::varchar as amount_columns,
            case
                when len(fields) <> {{ file.field_count }}
                    then 'wrong number of fields (' || len(fields) || ', header has {{ file.field_count }})'
            end as reading_error,
            case when len(fields) <> {{ file.field_count }} then line end as raw_record,
            {%- for column in contract_fields %}
                {{ "nullif(fields[" ~ file.positions[column.name] ~ "], '')" if column.name in file.positions else 'null::varchar' }}
                as {{ column.name }}{{ "," if not loop.last }}
            {%- endfor %}
        from (
            select
                line_number,
                line,
                {{ fec_fields('line', file.separator) }} as fields
            from ({{ fec_file_lines(file) }})
            where line_number > 1 and not {{ csv_line_is_blank('line') }}
        )
        union all
    {%- endfor %}
    {#- An empty relation with the view's columns closes the union. #}
    select
        null::varchar as filiale_code,
        null::varchar as source_file,
        null::bigint as line_number,
        null::varchar as amount_columns,
        null::varchar as reading_error,
        null::varchar as raw_record,
        {%- for column in contract_fields %}
            null::varchar as {{ column.name }}{{ "," if not loop.last }}
        {%- endfor %}
    where false
{%- endmacro %}

{#- The physical lines of an FEC file. A UTF-8 file goes through the raw
    layer's reader (raw_file_lines). An ISO 8859-15 file with regular line
    endings is streamed by DuckDB's Latin-1 decoder, the eight characters where
    ISO 8859-15 differs from Latin-1 (€, Œ, œ, Š, š, Ž, ž, Ÿ) translated back:
    millions of lines never pass through Python. Any other file is decoded in
    memory by spaser.delivery. -#}
{% macro fec_file_lines(file) -%}
    {%- if file.encoding == 'iso-8859-15' and file.regular_lines -%}
        {%- set latin_1 = [164, 166, 168, 180, 184, 188, 189, 190] -%}
        {%- set iso_8859_15 = [8364, 352, 353, 381, 382, 338, 339, 376] -%}
        select
            translate(
                coalesce(line, ''),
                {% for code_point in latin_1 %}chr({{ code_point }}){{ ' || ' if not loop.last }}{% endfor %},
                {% for code_point in iso_8859_15 %}chr({{ code_point }}){{ ' || ' if not loop.last }}{% endfor %}
            ) as line,
            ordinality as line_number
        from read_csv(
            {{ duckdb_file(file.source_path) }},
            columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
            delim = chr(1), quote = '', escape = '', encoding = 'latin-1',
            new_line = '{{ {'\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r'}[file.line_ending] }}',
            {{ csv_line_buffer(file.longest_line * 2 + 1024) }}
        ) with ordinality
    {%- else -%}
        {{ raw_file_lines(file) }}
    {%- endif -%}
{%- endmacro %}

{#- The fields of an FEC line, each stripped of surrounding whitespace (the
    separator excepted). Whitespace next to a separator is rare: one test per
    line spares most lines a regular expression per field. -#}
{% macro fec_fields(line, separator) -%}
    {%- set tab = separator == '\t' -%}
    {%- set split = 'string_split(' ~ line ~ ', ' ~ ('chr(9)' if tab else "'|'") ~ ')' -%}
    {%- set between = '\\t' if tab else '\\|' -%}
    {%- set space = csv_whitespace_class([9] if tab else []) -%}
    case
        when regexp_matches({{ line }}, '(^|{{ between }}){{ space }}|{{ space }}($|{{ between }})')
            then list_transform(
                {{ split }},
                lambda field: regexp_replace(field, '^{{ space }}+|{{ space }}+$', '', 'g')
            )
        else {{ split }}
    end
{%- endmacro %}
