{#- The final select of a mart whose contract is enforced: every column of the
    calling model's YAML, in its order, read by name from `relation` and cast
    to its data_type. The YAML states each output type once; without this the
    SQL writes each cast again, because dbt's contract check compares the
    query's types with the YAML's and fails on any difference. A column of
    the contract that `relation` lacks stops the build (DuckDB: "does not have
    a column named"); the relation's other columns are left out.

    A dbt unit test has no graph to read the contract from: there the select
    keeps the relation's columns as they are, the unit test compares those it
    expects, and the build checks the names and types. Empty while dbt parses. -#}
{% macro contract_select(relation) -%}
    {%- if execute and model.resource_type == 'unit_test' -%}
select * from {{ relation }}
    {%- elif execute -%}
        {%- set node = graph.nodes[model.unique_id] -%}
        {%- set columns = node.columns.values() | list -%}
        {%- if not columns -%}
            {{ exceptions.raise_compiler_error("contract_select: " ~ node.name ~ " declares no column") }}
        {%- endif -%}
select
        {%- for column in columns -%}
            {%- if not column.data_type -%}
                {{ exceptions.raise_compiler_error("contract_select: column " ~ column.name ~ " of " ~ node.name ~ " has no data_type") }}
            {%- endif %}
    {{ relation }}.{{ column.name }}::{{ column.data_type }} as {{ column.name }}{{ ',' if not loop.last }}
        {%- endfor %}
from {{ relation }}
    {%- endif -%}
{%- endmacro %}
