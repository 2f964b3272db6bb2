{#- The per-filiale extracts of the contract and the models that land and
    stage them, so that the audit models cover every extract in one loop. -#}
{% macro filiale_extracts() -%}
    {{ return({
        'fournisseurs': 'suppliers',
        'marches': 'contracts',
        'avenants': 'amendments',
        'factures': 'invoices',
        'consultations': 'consultations',
        'operations': 'operations',
        'logements': 'housing_units',
        'vehicules': 'vehicles',
        'formations': 'trainings',
        'evenements_fournisseurs': 'supplier_events',
        'documents': 'documents',
    }) }}
{%- endmacro %}

{#- 'A', 'B', 'C': a list var as SQL literals, for `in (...)` and list literals. -#}
{% macro sql_literals(values) -%}
    {%- for value in values %}{{ sql_string(value) }}{{ ", " if not loop.last }}{% endfor -%}
{%- endmacro %}
