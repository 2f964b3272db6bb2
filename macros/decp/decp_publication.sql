{#- The last day a contract notified on `notification_date` may be published
    on time: the var `decp_publication_delay_months` later, the 29th-31st
    clamped to the month's last day (31/12 + 2 months = 28/02 or 29/02). -#}
{% macro decp_publication_due_date(notification_date) -%}
    ({{ notification_date }} + to_months({{ var('decp_publication_delay_months') }}))::date
{%- endmacro %}

{#- A contract's standing DECP record (`decp_source_file`, `decp_line_number`
    of int_decp_contracts_published) is the record, or its modifications, at
    that file and line. -#}
{% macro same_decp_record(contract, record) -%}
    {{ contract }}.filiale_code = {{ record }}.filiale_code
            and {{ contract }}.decp_source_file = {{ record }}.source_file
            and {{ contract }}.decp_line_number = {{ record }}.line_number
{%- endmacro %}
