{#- The raw layer, run as the build's on-run-start hook: the delivery folder is
    inventoried (spaser_delivery_entries, from spaser.delivery), every break
    of the contract that no row-level reject can hold stops the build with one
    line naming the file (and line and column), and each extract of the
    contract becomes a view `raw.<extract>` over its files (raw_extract_sql),
    declared as a dbt source. Nothing is parsed here but the header lines:
    the staging models read the views once. -#}
{% macro land_raw_delivery() -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set root = raw_dir() -%}
    {%- set entries = raw_delivery_entries(root) -%}
    {%- do run_query('create schema if not exists raw') -%}
    {%- do run_query(contract_columns_sql()) -%}

    {%- set filiales_entry = raw_filiales_entry(root, entries) -%}
    {%- set filiales_file = raw_file_with_header('filiales', filiales_entry, none) -%}
    {%- do run_query('create or replace view raw.filiales as ' ~ raw_extract_sql('filiales', [filiales_file])) -%}

    {%- set known = run_query("select distinct code_filiale from raw.filiales where code_filiale is not null").columns[0].values() -%}
    {%- set files = [] -%}
    {%- for folder in entries if folder.folder == '' and folder.kind == 'folder' -%}
        {%- if folder.name not in known -%}
            {{ raw_contract_error("filiale folder '" ~ folder.name ~ "' (" ~ folder.path ~ ") is not in filiales.csv (known: "
                ~ (known | sort | join(', ') or 'none') ~ "): add it to filiales.csv or remove the folder") }}
        {%- endif -%}
        {%- for extract in contract_extracts() -%}
            {%- for entry in entries if entry.folder == folder.name and raw_name_matches(entry.name, extract) -%}
                {%- do files.append(raw_file_with_header(extract, entry, folder.name)) -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- for extract, pattern in raw_other_extracts().items() -%}
            {%- for entry in entries if entry.folder == folder.name and modules.re.fullmatch(pattern, entry.name | lower) -%}
                {%- do files.append(raw_other_file(extract, entry, folder.name)) -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}

    {%- for extract in contract_extracts() -%}
        {%- set extract_files = files | selectattr('extract', 'equalto', extract) | sort(attribute='filiale_code') | list -%}
        {%- do run_query('create or replace view raw.' ~ extract ~ ' as ' ~ raw_extract_sql(extract, extract_files)) -%}
    {%- endfor -%}
    {#- The accounting FEC files: their own reader (macros/raw/land_raw_fec.sql). #}
    {%- set fec_files = land_raw_fec(entries) -%}
    {%- do run_query(raw_delivery_files_sql([filiales_file] + files + fec_files)) -%}
    {#- The DECP files are a source of their own (staging/decp), found by the same inventory. #}
    {%- do run_query(
        "create or replace view raw.decp_files as select filiale_code, source_file, source_path"
        ~ " from raw.delivery_files where extract = 'decp'"
    ) -%}
    {%- do run_query(raw_unrecognized_files_sql(entries, files + fec_files)) -%}
    {%- if is_demo_delivery() -%}
        {%- do log("SPASER_RAW_DIR is not set: reading the bundled DEMO delivery (" ~ root ~ "), not a real one.", info=true) -%}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{% macro raw_contract_error(message) -%}
    {{ exceptions.raise_compiler_error('Delivery contract: ' ~ message) }}
{%- endmacro %}

{#- The entries of the delivery, each CSV header split into its column names
    in the same query (`header_names`, a JSON list; null for a header whose
    quoting cannot be read): one query for the delivery, not two per file. -#}
{% macro raw_delivery_entries(root) -%}
    {%- set result = run_query(
        'select entry.*, ' ~ raw_header_names_sql('entry.header') ~ ' as header_names'
        ~ ' from (select unnest(spaser_delivery_entries(' ~ sql_string(root) ~ ')) as entry)'
    ) -%}
    {%- set entries = [] -%}
    {%- for row in result.rows -%}
        {%- set entry = dict(zip(result.column_names, row)) -%}
        {%- do entry.update({'header_names': fromjson(entry.header_names) if entry.header_names else none}) -%}
        {%- do entries.append(entry) -%}
    {%- endfor -%}
    {%- if entries | length == 0 -%}
        {{ raw_contract_error("raw folder not found, unreadable or empty: " ~ root ~ " (SPASER_RAW_DIR)") }}
    {%- endif -%}
    {{ return(entries) }}
{%- endmacro %}

{% macro raw_filiales_entry(root, entries) -%}
    {%- for entry in entries if entry.folder == '' and entry.name == 'filiales.csv' -%}
        {{ return(entry) }}
    {%- endfor -%}
    {{ raw_contract_error(root ~ "/filiales.csv is missing from the raw folder: it lists the filiales of the delivery") }}
{%- endmacro %}

{#- Files of a filiale folder that are not CSV extracts of the contract,
    each read by its own staging models (name pattern, lower case): they are
    inventoried and checked readable here like the others. -#}
{% macro raw_other_extracts() -%}
    {{ return({'decp': 'decp.*[.]json'}) }}
{%- endmacro %}

{% macro raw_other_file(extract, entry, filiale_code) -%}
    {%- if entry.kind != 'file' -%}
        {{ raw_contract_error(entry.path ~ ": matches the '" ~ extract ~ "' extract but is not a readable file (" ~ entry.kind ~ "): fix or remove it") }}
    {%- endif -%}
    {{ return({
        'filiale_code': filiale_code, 'extract': extract, 'source_file': entry.name,
        'source_path': entry.path, 'encoding': none, 'line_ending': none, 'missing_optional_columns': [],
    }) }}
{%- endmacro %}

{#- `<extract>*.csv`, compared without case. -#}
{% macro raw_name_matches(name, extract) -%}
    {%- set lowered = name | lower -%}
    {{ return(lowered.startswith(extract) and lowered.endswith('.csv')) }}
{%- endmacro %}

{#- One file of an extract, checked (readable, encoding, header) and with the
    position of each contract column in its header. -#}
{% macro raw_file_with_header(extract, entry, filiale_code) -%}
    {%- set kinds = {'broken_link': 'a broken link', 'folder': 'a folder', 'unreadable': 'not readable (permissions)', 'other': 'not a regular file'} -%}
    {%- if entry.kind != 'file' -%}
        {{ raw_contract_error(entry.path ~ ": matches the '" ~ extract ~ "' extract but is " ~ kinds[entry.kind] ~ ": the data in it would be lost; fix or remove it") }}
    {%- elif entry.size_bytes == 0 -%}
        {{ raw_contract_error(entry.path ~ ": line 1: empty file, line 1 must be the header") }}
    {%- elif entry.encoding == 'utf-16' -%}
        {{ raw_contract_error(entry.path ~ ": UTF-16 file: save it as UTF-8 (or Windows-1252)") }}
    {%- endif -%}
    {%- set names = raw_header_names(entry) -%}
    {%- set contract = contract_table(extract) -%}
    {%- set seen = [] -%}
    {%- for name in names if name -%}
        {%- if name in seen -%}
            {{ raw_contract_error(entry.path ~ ": line 1: column '" ~ name ~ "' appears twice in the header: nobody can tell which one is meant; remove or rename one") }}
        {%- endif -%}
        {%- do seen.append(name) -%}
    {%- endfor -%}
    {%- set positions = [] -%}
    {%- set missing_optional = [] -%}
    {%- for column in contract.columns -%}
        {%- if column.name in names -%}
            {%- do positions.append(names.index(column.name) + 1) -%}
        {%- elif column.required -%}
            {{ raw_contract_error(entry.path ~ ": line 1: required column '" ~ column.name ~ "' missing from the header of this '" ~ extract ~ "' extract: add it (header names are matched without case or surrounding spaces)") }}
        {%- else -%}
            {%- do positions.append(none) -%}
            {%- do missing_optional.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({
        'filiale_code': filiale_code, 'extract': extract, 'source_file': entry.name,
        'source_path': entry.path, 'encoding': entry.encoding, 'line_ending': entry.line_ending,
        'has_quotes': entry.has_quotes, 'streamable': entry.streamable, 'longest_line': entry.longest_line,
        'positions': positions, 'missing_optional_columns': missing_optional,
    }) }}
{%- endmacro %}

{#- The header's column names, split by the same SQL as every record, folded
    to lower case without surrounding spaces: white space, and the zero-width
    characters (U+200B, U+FEFF) that names copied from a web page or a
    spreadsheet carry. -#}
{% macro raw_header_names_sql(header) -%}
    case when {{ csv_record_is_readable(header) }} then to_json(list_transform(
        {{ csv_fields(header) }},
        lambda name: lower({{ csv_value(header_name_stripped('name')) }})
    )) end
{%- endmacro %}

{% macro raw_header_names(entry) -%}
    {%- if entry.header_names is none -%}
        {{ raw_contract_error(entry.path ~ ": line 1: unreadable header (a stray or unclosed quote): " ~ entry.header[:200]) }}
    {%- endif -%}
    {{ return(entry.header_names) }}
{%- endmacro %}

{% macro raw_delivery_files_sql(files) -%}
    create or replace table raw.delivery_files as
    select * from (values
        {%- for file in files %}
            ({{ sql_string(file.filiale_code) if file.filiale_code else 'null' }}, {{ sql_string(file.extract) }},
            {{ sql_string(file.source_file) }}, {{ sql_string(file.source_path) }},
            {{ sql_string(file.encoding) if file.encoding else 'null' }}::varchar,
            {{ sql_string({'\n': 'LF', '\r\n': 'CRLF', '\r': 'CR'}[file.line_ending]) if file.line_ending else 'null' }}::varchar,
            [{% for name in file.missing_optional_columns %}{{ sql_string(name) }}{{ ', ' if not loop.last }}{% endfor %}]::varchar[],
            {{ is_demo_delivery() }})
            {{- "," if not loop.last }}
        {%- endfor %}
    ) as files (filiale_code, extract, source_file, source_path, encoding, line_ending, missing_optional_columns, is_demo_delivery)
{%- endmacro %}

{#- The entries of the filiale folders that match no pattern of the contract
    (an extract, the DECP, the FEC): not read, each a data-quality finding,
    so that a misnamed extract (`facture_2025.csv`, `factures_2025.xlsx`,
    `factures_2025.csv.gz`) is never silently absent. Hidden files (a name
    starting with `.`, never listed), Excel's lock files (`~$…`), `Thumbs.db`
    and `desktop.ini` are left out silently: no one delivers data in them. -#}
{% macro raw_unrecognized_files_sql(entries, read_files) -%}
    {%- set read_paths = read_files | map(attribute='source_path') | list -%}
    {%- set unrecognized = [] -%}
    {%- for entry in entries if entry.folder != '' and entry.path not in read_paths -%}
        {%- set lowered = entry.name | lower -%}
        {%- if not (lowered.startswith('~$') or lowered in ['thumbs.db', 'desktop.ini']) -%}
            {%- do unrecognized.append(entry) -%}
        {%- endif -%}
    {%- endfor -%}
    create or replace table raw.unrecognized_files as
    select * from (values
        {%- for entry in unrecognized %}
            ({{ sql_string(entry.folder) }}, {{ sql_string(entry.name) }}, {{ sql_string(entry.path) }}, {{ sql_string(entry.kind) }}),
        {%- endfor %}
        (null::varchar, null::varchar, null::varchar, null::varchar)
    ) as files (filiale_code, source_file, source_path, kind)
    where filiale_code is not null
{%- endmacro %}

{#- A header name without its surrounding zero-width characters (U+200B,
    U+FEFF), which no white-space class holds; csv_value strips the rest. -#}
{% macro header_name_stripped(name) -%}
    regexp_replace({{ name }}, '^[\x{200B}\x{FEFF}{{ csv_whitespace_class()[1:-1] }}]+|[\x{200B}\x{FEFF}{{ csv_whitespace_class()[1:-1] }}]+$', '', 'g')
{%- endmacro %}

{#- The same in Jinja, for a header split here (the FEC's). -#}
{% macro header_name_text(name) -%}
    {{ return(modules.re.sub('^[\\s\\u200b\\ufeff]+|[\\s\\u200b\\ufeff]+$', '', name)) }}
{%- endmacro %}
