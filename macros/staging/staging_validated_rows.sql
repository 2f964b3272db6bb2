{#- The chain a base model of an extract starts with, ending in the CTE
    `deduplicated`: the raw rows, parsed by the contract, checked (the check
    materialized: the duplicate search and the final select both read it),
    and one row kept per business key. base_extracts__amendments writes it out,
    with the join and the check its extra rule needs. -#}
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
    select
        *,
        {{ staging_row_reject_reason(extract) }} as row_reject_reason
    from parsed
),

duplicates as (
    {{ duplicate_keys('checked', staging_key(extract)) }}
),

deduplicated as (
    {{ deduplicate('checked', 'duplicates', staging_key(extract)) }}
)
{%- endmacro %}
