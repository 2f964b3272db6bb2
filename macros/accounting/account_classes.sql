{#- Accounts of the plan comptable général, as the FEC rules read them. -#}

{#- The class of an account: its first digit. -#}
{% macro account_class(account_number) -%}
    left({{ account_number }}, 1)
{%- endmacro %}

{#- A supplier account: 401, 404 (var fec_supplier_account_prefixes). -#}
{% macro is_supplier_account(account_number) -%}
    ({%- for prefix in var('fec_supplier_account_prefixes') -%}
        starts_with({{ account_number }}, {{ sql_string(prefix) }}){{ ' or ' if not loop.last }}
    {%- endfor -%})
{%- endmacro %}
