{#- The dictionary of the exports (macro export_dictionary): one row per
    column of every exported table, with its French label, unit and
    description, read from the dbt graph when the model is built. The tables
    it describes are its parents, so that the lineage shows what it describes
    and it is built after them; export_dictionary fails when an exposure
    exports a model missing below. -#}
-- depends_on: {{ ref('dim_indicators') }}
-- depends_on: {{ ref('dim_suppliers') }}
-- depends_on: {{ ref('fct_data_quality') }}
-- depends_on: {{ ref('fct_decp_compliance') }}
-- depends_on: {{ ref('fct_decp_contract_checks') }}
-- depends_on: {{ ref('fct_indicator_change_evidence') }}
-- depends_on: {{ ref('fct_indicator_changes') }}
-- depends_on: {{ ref('fct_indicator_evidence') }}
-- depends_on: {{ ref('fct_indicators') }}
-- depends_on: {{ ref('fct_indicators_group') }}
-- depends_on: {{ ref('fct_spend_reconciliation') }}
-- depends_on: {{ ref('fct_supplier_classification_evidence') }}
with dictionary as (
    {{ export_dictionary() }}
)

{{ contract_select('dictionary') }}
