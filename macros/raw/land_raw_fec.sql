{#- The accounting FEC files of the delivery (../shared/spec/accounting-fec.md),
    landed by land_raw_delivery like the extracts: in each filiale folder, any
    file whose name holds `FEC` not between two letters and ends in `.txt` or
    `.csv` (case ignored).
    Each file is checked (readable, not empty, not UTF-16), its separator (tab
    or `|`) and its amount layout (`Debit`/`Credit`, or `Montant`/`Sens`) read
    from its header, where a missing required field stops the build naming the
    file and the field. The view `raw.fec` (source `accounting`) gives every
    line with its file and line number; the files are returned for the
    inventory raw.delivery_files. -#}
{% macro land_raw_fec(entries) -%}
    {%- set files = [] -%}
    {%- for entry in entries if entry.folder != '' and raw_is_fec_name(entry.name) -%}
        {%- for extract in contract_extracts() if raw_name_matches(entry.name, extract) -%}
            {{ raw_contract_error(entry.path ~ ": the name matches both the '" ~ extract ~ "' extract and an FEC file (a name holding 'FEC'): rename it") }}
        {%- endfor -%}
        {%- do files.append(raw_fec_file(entry)) -%}
    {%- endfor -%}
    {%- set files = files | sort(attribute='filiale_code') | list -%}
    {%- do run_query('create or replace view raw.fec as ' ~ raw_fec_sql(files)) -%}
    {{ return(files) }}
{%- endmacro %}

{#- `FEC` not between two letters (`effectifs.csv` is not an FEC), as
    spaser.delivery.is_fec_file_name. -#}
{% macro raw_is_fec_name(name) -%}
    {%- set lowered = name | lower -%}
    {%- set named_fec = modules.re.search('(?<![^\\W\\d_])fec|fec(?![^\\W\\d_])', lowered) is not none -%}
    {{ return(named_fec and (lowered.endswith('.txt') or lowered.endswith('.csv'))) }}
{%- endmacro %}

{#- The FEC fields of the contract: the columns of the source `accounting.fec`
    whose meta names a field of the norm. -#}
{% macro fec_contract_fields() -%}
    {%- set fields = [] -%}
    {%- if not execute -%}{{ return(fields) }}{%- endif -%}
    {%- set node = graph.sources.get('source.' ~ project_name ~ '.accounting.fec') -%}
    {%- for name, column in node.columns.items() if column.meta.get('field') -%}
        {%- do fields.append({
            'name': name, 'field': column.meta.field,
            'required': column.meta.get('required', false), 'layout': column.meta.get('layout'),
        }) -%}
    {%- endfor -%}
    {{ return(fields) }}
{%- endmacro %}

{#- One FEC file, checked, with its separator, its amount layout and the
    position of each contract field in its header. -#}
{% macro raw_fec_file(entry) -%}
    {%- set kinds = {'broken_link': 'a broken link', 'folder': 'a folder', 'unreadable': 'not readable (permissions)', 'other': 'not a regular file'} -%}
    {%- if entry.kind != 'file' -%}
        {{ raw_contract_error(entry.path ~ ": named like an FEC file but is " ~ kinds[entry.kind] ~ ": the entries in it would be lost; fix or remove it") }}
    {%- elif entry.size_bytes == 0 -%}
        {{ raw_contract_error(entry.path ~ ": line 1: empty file, line 1 must be the header of the FEC") }}
    {%- elif entry.encoding == 'utf-16' -%}
        {{ raw_contract_error(entry.path ~ ": UTF-16 file: an FEC is UTF-8 or ISO 8859-15") }}
    {%- endif -%}
    {%- set separator = '\t' if '\t' in entry.header else ('|' if '|' in entry.header else none) -%}
    {%- if separator is none -%}
        {{ raw_contract_error(entry.path ~ ": line 1: the header of this FEC file has no tab or '|' separator: " ~ entry.header[:200]) }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for raw_name in entry.header.split(separator) -%}
        {%- set name = header_name_text(raw_name) -%}
        {%- if name and (name | lower) in names -%}
            {{ raw_contract_error(entry.path ~ ": line 1: field '" ~ name ~ "' appears twice in the header of this FEC file; remove or rename one") }}
        {%- endif -%}
        {%- do names.append(name | lower) -%}
    {%- endfor -%}
    {%- set layout = raw_fec_layout(entry, names) -%}
    {%- set positions = {} -%}
    {%- set missing_optional = [] -%}
    {%- for column in fec_contract_fields() if column.layout in [none, layout] -%}
        {%- if column.field | lower in names -%}
            {%- do positions.update({column.name: names.index(column.field | lower) + 1}) -%}
        {%- elif column.required -%}
            {{ raw_contract_error(entry.path ~ ": line 1: required field '" ~ column.field ~ "' missing from the header of this FEC file: add it (field names are matched without case or surrounding spaces)") }}
        {%- else -%}
            {%- do missing_optional.append(column.field) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return({
        'filiale_code': entry.folder, 'extract': 'fec', 'source_file': entry.name, 'source_path': entry.path,
        'encoding': 'utf-8' if entry.encoding == 'utf-8' else 'iso-8859-15', 'line_ending': entry.line_ending,
        'streamable': entry.streamable, 'regular_lines': entry.regular_lines, 'longest_line': entry.longest_line,
        'separator': separator, 'field_count': names | length, 'layout': layout, 'positions': positions,
        'missing_optional_columns': missing_optional,
    }) }}
{%- endmacro %}

{#- `debit_credit` when the header has Debit and Credit, else `montant_sens`
    when it has Montant and Sens; otherwise the build stops naming what is
    missing. -#}
{% macro raw_fec_layout(entry, names) -%}
    {%- for layout, pair in [('debit_credit', ['Debit', 'Credit']), ('montant_sens', ['Montant', 'Sens'])] -%}
        {%- set present = [] -%}
        {%- for field in pair if field | lower in names -%}{%- do present.append(field) -%}{%- endfor -%}
        {%- if present | length == 2 -%}
            {{ return(layout) }}
        {%- elif present -%}
            {%- set missing = (pair | reject('in', present) | list)[0] -%}
            {{ raw_contract_error(entry.path ~ ": line 1: required field '" ~ missing ~ "' missing from the header of this FEC file, which has '" ~ present[0] ~ "': amounts are Debit and Credit, or Montant and Sens") }}
        {%- endif -%}
    {%- endfor -%}
    {{ raw_contract_error(entry.path ~ ": line 1: required fields 'Debit' and 'Credit' (or 'Montant' and 'Sens') missing from the header of this FEC file") }}
{%- endmacro %}
