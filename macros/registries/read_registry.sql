{#- Reading the registry files of registries.md with DuckDB, straight from
    the folder: the files' names vary (case, suffix, CSV or Parquet edition)
    and any of them may be absent, which a static dbt source cannot express.
    Only the columns below are read, and only the rows whose key the delivery
    needs or whose key is malformed (to count them): a full INSEE stock is
    never loaded. -#}

{#- keys: the key columns, the first one present in the file is used, with
    the digit counts a well-formed key may have; key_digits: the length of
    the key kept (a SIRET in a SIREN column is cut to its SIREN); wanted:
    the column of base_registries__delivery_keys it is looked up in. -#}
{% macro registry_specs() -%}
    {{ return({
        'legal_units': {
            'label': 'StockUniteLegale',
            'name_pattern': '^stockunitelegale.*[.](parquet|csv)$',
            'keys': [['siren', [9]]],
            'key_digits': 9,
            'wanted': 'siren',
            'required': [
                'categorieEntreprise', 'trancheEffectifsUniteLegale',
                'economieSocialeSolidaireUniteLegale'
            ],
            'optional': ['etatAdministratifUniteLegale', 'denominationUniteLegale'],
        },
        'establishments': {
            'label': 'StockEtablissement',
            'name_pattern': '^stocketablissement.*[.](parquet|csv)$',
            'keys': [['siret', [14]]],
            'key_digits': 14,
            'wanted': 'siret',
            'required': [
                'codeCommuneEtablissement', 'codePostalEtablissement',
                'etatAdministratifEtablissement', 'dateDebut'
            ],
            'optional': [],
        },
        'esus': {
            'label': 'esus',
            'name_pattern': '^esus.*[.]csv$',
            'keys': [['siren', [9, 14]]],
            'key_digits': 9,
            'wanted': 'siren',
            'required': [],
            'optional': ['raison_sociale', 'date_agrement', 'date_fin_agrement'],
            'pads_leading_zero': true,
        },
        'ess_france': {
            'label': 'ess_france',
            'name_pattern': '^(ess_france|entreprisesess).*[.]csv$',
            'keys': [['siren', [9]], ['siret', [14]]],
            'key_digits': 9,
            'wanted': 'siren',
            'required': [],
            'optional': [],
            'pads_leading_zero': true,
        },
    }) }}
{%- endmacro %}

{#- The registry's files in file-name order (the order of the first-row-wins
    rule), each with its format, separator and columns; a missing folder or
    a file without a needed column stops the build. -#}
{% macro registry_files(spec) -%}
    {#- Not at parse time: the folder depends on environment variables, and dbt
        parses again a model that read one whose value changed (every new raw folder). -#}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set folder = registries_dir() -%}
    {%- if folder is none -%}{{ return([]) }}{%- endif -%}
    {%- set folder = folder.rstrip('/') or '/' -%}
    {%- set found = run_query(
        "select count(*) from glob(" ~ sql_string(duckdb_path_pattern(folder) ~ '*/') ~ ") "
        ~ "where parse_filename(file) = parse_filename(" ~ sql_string(folder) ~ ")"
    ) -%}
    {%- if found.rows[0][0] == 0 -%}
        {{ exceptions.raise_compiler_error(
            "registries folder not found: " ~ folder ~ " (SPASER_REGISTRIES_DIR; empty to build without registries)"
        ) }}
    {%- endif -%}
    {%- set listing = run_query(
        "select file, parse_filename(file) as name from glob(" ~ sql_string(duckdb_path_pattern(folder) ~ '/*') ~ ") "
        ~ "where regexp_matches(lower(parse_filename(file)), " ~ sql_string(spec.name_pattern) ~ ") "
        ~ "and not contains(lower(parse_filename(file)), 'historique') order by name"
    ) -%}
    {%- set files = [] -%}
    {%- for row in listing.rows -%}
        {%- do files.append(_registry_file(row[0], row[1], spec)) -%}
    {%- endfor -%}
    {{ return(files) }}
{%- endmacro %}

{% macro _registry_file(path, name, spec) -%}
    {%- if name.lower().endswith('.parquet') -%}
        {%- set described = run_query(
            "select column_name, column_type from (describe select * from read_parquet(" ~ duckdb_file(path) ~ "))"
        ) -%}
        {%- set columns = {} -%}
        {%- for column in described.rows -%}
            {%- do columns.setdefault(column[0].lower(), {'name': column[0], 'type': column[1]}) -%}
        {%- endfor -%}
        {%- set file = {'path': path, 'name': name, 'format': 'parquet', 'delimiter': none, 'columns': columns} -%}
    {%- else -%}
        {#- The separator is read from the header: `;` when it holds one, else `,`. -#}
        {%- set header = run_query(
            "select ltrim(line, chr(65279)) from read_csv(" ~ duckdb_file(path)
            ~ ", header = false, columns = {'line': 'varchar'}, delim = chr(1), quote = '', escape = '', auto_detect = false) limit 1"
        ).rows -%}
        {%- set line = header[0][0] if header and header[0][0] else '' -%}
        {%- set delimiter = ';' if ';' in line else ',' -%}
        {%- set columns = {} -%}
        {%- for column in line.split(delimiter) -%}
            {%- set column_name = column.strip().strip('"') -%}
            {%- do columns.setdefault(column_name.lower(), {'name': column_name, 'type': 'VARCHAR'}) -%}
        {%- endfor -%}
        {%- set file = {'path': path, 'name': name, 'format': 'csv', 'delimiter': delimiter, 'columns': columns} -%}
    {%- endif -%}
    {%- set key = namespace(column=none, digits=none) -%}
    {%- for candidate, digits in spec['keys'] | reverse -%}
        {%- if candidate.lower() in file.columns -%}
            {%- set key.column = candidate -%}
            {%- set key.digits = digits -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set missing = [] if key.column else [spec['keys'] | map('first') | join("' or '")] -%}
    {%- for column in spec.required if column.lower() not in file.columns -%}
        {%- do missing.append(column) -%}
    {%- endfor -%}
    {%- if missing -%}
        {{ exceptions.raise_compiler_error(
            path ~ ": required column" ~ ("s" if missing | length > 1 else "") ~ " '"
            ~ missing | join("', '") ~ "' missing from the header of this " ~ spec.label ~ " registry file"
        ) }}
    {%- endif -%}
    {%- do file.update({'key_column': key.column, 'key_lengths': key.digits}) -%}
    {{ return(file) }}
{%- endmacro %}

{#- The rows of a registry the build needs: well-formed keys the delivery
    holds, and malformed ones (ignored downstream, counted). Parquet: two
    scans, one whose `in` filter DuckDB pushes into the file (row groups
    skipped), one of the key column alone for the keys of another shape
    (spaces, a SIRET for a SIREN, junk); CSV streams once. -#}
{% macro read_registry(registry, wanted_keys) -%}
    {%- set spec = registry_specs()[registry] -%}
    {%- set files = registry_files(spec) -%}
    {%- set columns = spec.required + spec.optional -%}
with scanned as (
    {%- for file in files %}
    {{ "union all" if not loop.first }}
    {{ _registry_scan(file, spec, columns, wanted_keys) }}
    {%- else %}
    select
        null::varchar as source_file,
        null::bigint as row_number_in_file,
        null::varchar as key_column,
        null::varchar as key_pattern,
        {%- for column in columns %}
        null::varchar as "{{ column }}",
        {%- endfor %}
        null::varchar as registry_key
    limit 0
    {%- endfor %}
),

cleaned as (
    select
        *,
        {{ clean_siret('registry_key') }} as unpadded_key
    from scanned
),

{#- Lists kept by hand in spreadsheets lose the leading zero of a SIREN: an
    8-digit SIREN (13-digit SIRET) whose padded number passes the Luhn check
    is read with its zero (registries.md), and counted. #}
padded as (
    select
        *,
        {%- if spec.get('pads_leading_zero') %}
            case
                when regexp_full_match(unpadded_key, '[0-9]{8}|[0-9]{13}')
                    then {{ luhn_is_valid("'0' || unpadded_key") }}
                else false
            end as is_zero_padded
        {%- else %}
            false as is_zero_padded
        {%- endif %}
    from cleaned
),

keyed as (
    select
        *,
        case when is_zero_padded then '0' || unpadded_key else unpadded_key end as cleaned_key,
        regexp_full_match(
            case when is_zero_padded then '0' || unpadded_key else unpadded_key end, key_pattern
        ) as has_well_formed_key
    from padded
)

select
    source_file,
    row_number_in_file,
    key_column,
    registry_key,
    {%- for column in columns %}
    "{{ column }}",
    {%- endfor %}
    coalesce(has_well_formed_key, false) as has_well_formed_key,
    coalesce(is_zero_padded, false) as is_zero_padded,
    case when has_well_formed_key then left(cleaned_key, {{ spec.key_digits }}) end as key_value
from keyed
where
    not coalesce(has_well_formed_key, false)
    or left(cleaned_key, {{ spec.key_digits }}) in (select {{ spec.wanted }} from {{ wanted_keys }})
{%- endmacro %}

{#- One file: the key (as text) and the pattern of its well-formed values,
    the columns read (null when an optional one is absent), the file name
    and the row's rank in the file (header excluded). -#}
{% macro _registry_scan(file, spec, columns, wanted_keys) -%}
    {%- set key_text = _registry_text(file, file.key_column) -%}
    {%- set select_list -%}
        {{ sql_string(file.name) }} as source_file,
        {{ 'file_row_number + 1' if file.format == 'parquet' else 'ordinality' }} as row_number_in_file,
        {{ sql_string(file.key_column) }} as key_column,
        {{ sql_string(_key_pattern(file.key_lengths)) }} as key_pattern,
        {{ key_text }} as registry_key
        {%- for column in columns %},
        {{ _registry_text(file, column) }} as "{{ column }}"
        {%- endfor %}
    {%- endset -%}
    {#- GLOB rather than a regular expression: this test runs on every key of the stock. -#}
    {%- set exact_shape = "coalesce(" ~ key_text ~ " glob '" ~ "[0-9]" * spec.key_digits ~ "', false)" -%}
    {%- if file.format == 'parquet' %}
    select {{ select_list }}
    from read_parquet({{ duckdb_file(file.path) }}, file_row_number = true)
    where {{ key_text }} in (select {{ spec.wanted }} from {{ wanted_keys }})
    union all
    select {{ select_list }}
    from read_parquet({{ duckdb_file(file.path) }}, file_row_number = true)
    where not {{ exact_shape }}
    {%- else %}
    select {{ select_list }}
    from read_csv(
        {{ duckdb_file(file.path) }},
        header = true, delim = {{ sql_string(file.delimiter) }}, quote = '"', escape = '"', all_varchar = true
    ) with ordinality
    where {{ key_text }} in (select {{ spec.wanted }} from {{ wanted_keys }}) or not {{ exact_shape }}
    {%- endif %}
{%- endmacro %}

{#- '[0-9]{9}|[0-9]{14}': the digit counts a well-formed key may have. -#}
{% macro _key_pattern(lengths) -%}
    {%- set patterns = [] -%}
    {%- for length in lengths -%}{%- do patterns.append('[0-9]{' ~ length ~ '}') -%}{%- endfor -%}
    {{ return(patterns | join('|')) }}
{%- endmacro %}

{#- A column of the file as text, under its name in the file; null when the
    file lacks it. -#}
{% macro _registry_text(file, column) -%}
    {%- set found = file.columns.get(column.lower()) -%}
    {%- if found is none -%}
        null::varchar
    {%- elif found.type == 'VARCHAR' -%}
        "{{ found.name | replace('"', '""') }}"
    {%- else -%}
        cast("{{ found.name | replace('"', '""') }}" as varchar)
    {%- endif -%}
{%- endmacro %}

{#- The Luhn check of a text of digits (a SIREN or a SIRET). -#}
{% macro luhn_is_valid(digits) -%}
    {%- set digit = 'try_cast(substr(reverse(' ~ digits ~ '), position, 1) as integer)' -%}
    list_sum(list_transform(
        generate_series(1, length({{ digits }})),
        lambda position: case when position % 2 = 0 then ({{ digit }} * 2) // 10 + ({{ digit }} * 2) % 10 else {{ digit }} end
    )) % 10 = 0
{%- endmacro %}
