{#- Generic data tests of the project (dbt_utils is not reachable here). -#}

{#- No two rows share the same values in these columns. -#}
{% test unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}

{#- Every row satisfies the SQL condition. -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}

{#- Every value is one of the codes the contract lists for a column of an
    extract (the staged value is the canonical spelling). -#}
{% test in_contract_codes(model, column_name, extract, source_column) %}
select {{ column_name }}
from {{ model }}
where
    {{ column_name }} is not null
    and {{ column_name }} not in ({{ sql_literals(contract_column(extract, source_column).codes) }})
{% endtest %}

{#- The grain of a model too large to group at once (the evidence rows of the
    group): `unique_combination` one partition at a time, each value of
    `partition_by` that the macro named `partitions` returns (a list, read
    from the graph: no relation, so the test has one parent and compiles on
    an empty database) in a branch of its own, plus one branch for the rows
    whose value it does not list. A key holds `partition_by`, so no duplicate
    spans two partitions; the filter comes before the grouping, so a view of
    one branch per value computes only that branch. Each branch groups a
    64-bit hash of the key (16 bytes a row, not the key's strings); only the
    hashes seen twice are grouped again by the key itself, so that two keys
    sharing a hash are never taken for a duplicate (with none, DuckDB skips
    that scan). -#}
{% test unique_combination_per_partition(model, columns, partition_by, partitions) %}
{%- if partition_by not in columns -%}
    {{ exceptions.raise_compiler_error('unique_combination_per_partition: ' ~ partition_by ~ ' must be one of the columns, or a duplicate across two partitions would go unseen') }}
{%- endif -%}
{%- set values = context[partitions]() if execute else [] -%}
{%- set key = columns | join(', ') -%}
{%- for branch in partition_predicates(partition_by, values) %}
select {{ key }}, count(*) as occurrences
from {{ model }}
where
    ({{ branch }})
    and hash({{ key }}) in (
        select hash({{ key }}) from {{ model }}
        where {{ branch }}
        group by 1
        having count(*) > 1
    )
group by {{ key }}
having count(*) > 1
{{ 'union all' if not loop.last }}
{%- endfor %}
{% endtest %}
