{#- The contract list of the DECP compliance: published, on time, consistent. -#}
with checked as (
    select * from {{ ref('int_decp_contracts_checked') }}
)

{{ contract_select('checked') }}
