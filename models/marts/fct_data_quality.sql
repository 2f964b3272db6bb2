{#- What was set aside or assumed, per filiale and year, and which indicators
    it affects: the auditor's list of limitations behind the figures, one
    family of findings per model of intermediate/data_quality (and the DECP
    and registries' own), each with a French label. -#}
{%- set families = [
    'int_quality_rejected_rows', 'int_quality_delivery_files', 'int_quality_payment_delays',
    'int_quality_spend_links', 'int_quality_contract_links', 'int_quality_housing_and_fleet',
    'int_quality_absent_extracts', 'int_quality_empty_extracts', 'int_decp_findings',
    'int_registry_findings',
    'int_ledger_quality_findings',
] %}

with findings as (
    {%- for family in families %}
        select * from {{ ref(family) }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

labelled as (
    select
        findings.*,
        coalesce(labels.finding_label, findings.finding) as finding_label
    from findings
    left join {{ ref('data_quality_finding_labels') }} as labels
        on findings.finding = labels.finding
)

{{ contract_select('labelled') }}
