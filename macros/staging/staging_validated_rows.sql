{#- The chain a base model of an extract starts with, ending in the CTE
    `deduplicated`: the raw rows, parsed by the contract, checked (the check
    materialized: the duplicate search and the final select both read it),
    and one row kept per business key. base_extracts__amendments writes out
    `source` and `parsed`, with the join its extra rule needs, and ends with
    the same two steps. -#}
{% macro staging_validated_rows(extract) -%}
source as (
    select * from {{ source('extracts', extract) }}
),

parsed as (
    select
        *,
        {{ staging_parsed_columns(extract) }}
    from source
),

checked as materialized (
    {{ staging_checked(extract, 'parsed') }}
),

{{ staging_deduplicated(extract) }}
{%- endmacro %}

{#- The checked rows, kept narrow: the text columns as delivered, every other
    column parsed (a SIRET also as delivered, to tell an invalid one from a
    missing one), the reject reason and, for a rejected row only, its raw
    values. With every raw and parsed column of every row, the group's 15 M
    invoices outgrew DuckDB's 4 GB: alone, 36-41 s and 2.1-2.4 GB written to
    disk and read again; narrow, 32-34 s, 0.65 GB and 8 s less CPU, the
    second read of the duplicates included (2 threads; same rows, same
    values). -#}
{% macro staging_checked(extract, parsed, extra_checks={}) -%}
    select
        filiale_code,
        source_file,
        line_number,
        {%- for column in contract_table(extract).columns %}
        {%- if column.kind in ['text', 'siret'] %}
        {{ column.name }},
        {%- endif %}
        {%- if column.kind != 'text' %}
        {{ column.name }}__parsed,
        {%- endif %}
        {%- endfor %}
        {{ staging_row_reject_reason(extract, extra_checks) }} as row_reject_reason,
        {{ staging_raw_values(extract, 'row_reject_reason') }} as raw_values
    from {{ parsed }}
{%- endmacro %}

{#- The duplicate search on `checked`, then the raw values of the rows it
    rejects, read again from the extract's source for those rows only (from
    the source itself: DuckDB materializes a CTE read twice, here every raw
    row, which undid what the narrow `checked` saves). -#}
{% macro staging_deduplicated(extract) -%}
{%- set key = staging_key(extract) -%}
duplicates as (
    {{ duplicate_keys('checked', key) }}
),

later_duplicates as (
    {{ later_duplicates('checked', 'duplicates', key) }}
),

later_duplicate_raw_values as (
    select
        source.filiale_code,
        source.source_file,
        source.line_number,
        {{ staging_raw_values(extract, "'duplicate'") }} as raw_values
    from {{ source('extracts', extract) }} as source
    semi join later_duplicates
        using (filiale_code, source_file, line_number)
),

deduplicated as (
    {{ deduplicate('checked', 'later_duplicate_raw_values', key) }}
)
{%- endmacro %}
