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

{#- Every extract whose rows the audit models account for: its base model
    (every row read, with its reject reason and raw values) and the model of
    its kept rows. The CSV extracts of the contract, then the other sources
    read from the filiale folders. -#}
{% macro audited_extracts() -%}
    {%- set audited = {} -%}
    {%- for extract, entity in filiale_extracts().items() -%}
        {%- do audited.update({extract: {
            'base': 'base_extracts__' ~ entity, 'kept': 'stg_extracts__' ~ entity, 'raw_values': 'raw_values'
        }}) -%}
    {%- endfor -%}
    {%- do audited.update({'decp': {
        'base': 'base_decp__contracts', 'kept': 'stg_decp__contracts', 'raw_values': 'raw_record'
    }}) -%}
    {{ return(audited) }}
{%- endmacro %}

{#- 'A', 'B', 'C': a list var as SQL literals, for `in (...)` and list literals. -#}
{% macro sql_literals(values) -%}
    {%- for value in values %}{{ sql_string(value) }}{{ ", " if not loop.last }}{% endfor -%}
{%- endmacro %}
