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
