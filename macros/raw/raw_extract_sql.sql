{#- The SQL of one raw extract: every file of it read by DuckDB, split into
    physical lines (numbered from 1, the header), assembled into records,
    each record split into fields, and the contract's columns taken by their
    position in the file's header. `files` are the inventory rows of the
    extract (see land_raw_delivery), each with its `positions` in contract
    column order.

    A file without any quote (spaser.delivery tells) has one record per
    non-blank line: its lines go straight to their columns. The other files
    go through raw_records_ctes, where a quoted field may run over lines. -#}
{% macro raw_extract_sql(extract, files) -%}
    {%- set columns = contract_table(extract).columns -%}
    {%- set quoted_files = files | selectattr('has_quotes') | list -%}
    {%- for file in files if not file.has_quotes %}
        select
            {{ sql_string(file.filiale_code) if file.filiale_code else 'null' }}::varchar as filiale_code,
            {{ sql_string(file.source_file) }}::varchar as source_file,
            line_number,
            {%- for column in columns %}
                {{ "nullif(fields[" ~ file.positions[loop.index0] ~ "], '')" if file.positions[loop.index0] else 'null::varchar' }} as {{ column.name }},
            {%- endfor %}
            null::varchar as reading_error,
            null::varchar as raw_record
        from (
            select
                line_number,
                {{ csv_plain_fields('line') }} as fields
            from ({{ raw_file_lines(file) }})
            where line_number > 1 and not {{ csv_line_is_blank('line') }}
        )
        union all
    {% endfor %}
    {%- if quoted_files %}
        select * from (
            with files as (
                select * from (values
                    {%- for file in quoted_files %}
                        ({{ loop.index }}, {{ sql_string(file.filiale_code) if file.filiale_code else 'null' }},
                        {{ sql_string(file.source_file) }}, {{ sql_string(file.line_ending) }},
                        [{{ file.positions | map('default', 'null', true) | join(', ') }}]::integer[])
                        {{- "," if not loop.last }}
                    {%- endfor %}
                ) as files (file_id, filiale_code, source_file, line_ending, positions)
            ),

            lines as (
                {%- for file in quoted_files %}
                    select {{ loop.index }} as file_id, line, line_number
                    from ({{ raw_file_lines(file) }})
                    {% if not loop.last %}union all{% endif %}
                {%- endfor %}
            ),

            {{ raw_records_ctes('lines', 'files') }}

            select
                files.filiale_code,
                files.source_file,
                records.line_number,
                {%- for column in columns %}
                    {{ csv_value('records.fields[files.positions[' ~ loop.index ~ ']]') }} as {{ column.name }},
                {%- endfor %}
                records.reading_error,
                records.raw_record
            from records
            inner join files on records.file_id = files.file_id
        )
    {%- else %}
        {#- No quoted file: an empty relation with the extract's columns closes the union. -#}
        select
            null::varchar as filiale_code,
            null::varchar as source_file,
            null::bigint as line_number,
            {%- for column in columns %}
                null::varchar as {{ column.name }},
            {%- endfor %}
            null::varchar as reading_error,
            null::varchar as raw_record
        where false
    {%- endif %}
{%- endmacro %}

{#- The physical lines of a file (line, line_number; a blank line is ''),
    split at the line ending of its header: any other CR is a character of
    its field. A streamable file is streamed by DuckDB's CSV reader, one line
    a row (no quote, a delimiter that never occurs); the others are split in
    memory. -#}
{% macro raw_file_lines(file) -%}
    {%- if file.streamable -%}
        select
            coalesce(line, '') as line,
            ordinality as line_number
        from read_csv(
            {{ duckdb_file(file.source_path) }},
            columns = {'line': 'VARCHAR'}, header = false, auto_detect = false,
            delim = chr(1), quote = '', escape = '',
            new_line = '{{ {'\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r'}[file.line_ending] }}',
            {{ csv_line_buffer(file.longest_line + 1024) }}
        ) with ordinality
    {%- else -%}
        select
            unnest(split_lines) as line,
            unnest(generate_series(1, len(split_lines))) as line_number
        from (
            select string_split({{ raw_file_text(file) }}, {{ sql_string(file.line_ending) }}) as split_lines
            from {{ raw_file_reader(file) }}
        )
    {%- endif -%}
{%- endmacro %}

{#- The read_csv options that size the reader's buffers for lines of `longest` bytes. -#}
{% macro csv_line_buffer(longest) -%}
    {%- set max_line = [longest, var('csv_min_max_line_bytes')] | max -%}
    max_line_size = {{ max_line }}, buffer_size = {{ max_line * var('csv_buffer_lines') }}
{%- endmacro %}

{#- The text of a file: UTF-8 without its byte-order mark, or, for a file that
    is not UTF-8, its bytes decoded as Windows-1252 (ISO 8859-15 for an FEC)
    by spaser.delivery. -#}
{% macro raw_file_text(file) -%}
    {%- if file.encoding == 'utf-8' -%}
        case when starts_with(content, chr(65279)) then substr(content, 2) else content end
    {%- elif file.encoding == 'iso-8859-15' -%}
        spaser_decode_iso_8859_15(content)
    {%- else -%}
        spaser_decode_windows_1252(content)
    {%- endif -%}
{%- endmacro %}

{% macro raw_file_reader(file) -%}
    {{ 'read_text' if file.encoding == 'utf-8' else 'read_blob' }}({{ duckdb_file(file.source_path) }})
{%- endmacro %}
