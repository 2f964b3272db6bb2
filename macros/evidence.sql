{#- The evidence shape. Every indicator model writes its rule in plain SQL:
    a CTE of the source rows it counts (`select *` keeps the row's
    filiale_code, source_file and line_number), adding the reporting `year`
    it attaches each row to (unless the source has it), its `business_key`,
    and what it adds to the figure: numerator_contribution and
    denominator_contribution (null where the figure has no denominator).
    This projects that CTE into the columns and types the marts add up
    (fct_indicator_evidence, fct_indicators); it decides nothing.

    Boolean indicators: several rows may establish the same fact (two
    policies in force); only the first, in the model's order, carries the 1,
    so that the evidence adds up to 1 (test assert_boolean_evidence_is_zero_or_one).

    `facts` names the CTE's columns the rule read (dates, amounts, flags and
    the source of a classification): they are carried as one JSON object, so
    that a row says why it counts without a join back to the extracts
    (documented per indicator in the docs block evidence_facts). -#}
{% macro evidence_columns(indicator_code, extract, facts=[]) -%}
    filiale_code,
    year::integer as year,
    '{{ indicator_code }}' as indicator_code,
    '{{ extract }}' as extract,
    business_key::varchar as business_key,
    source_file,
    line_number,
    numerator_contribution::{{ contribution_type() }} as numerator_contribution,
    denominator_contribution::{{ contribution_type() }} as denominator_contribution,
    {{ evidence_facts(facts) }} as facts
{%- endmacro %}

{% macro evidence_facts(facts) -%}
    {%- if facts -%}
        json_object({% for fact in facts %}'{{ fact }}', {{ fact }}{{ ', ' if not loop.last }}{% endfor %})
    {%- else -%}
        null::json
    {%- endif -%}
{%- endmacro %}

{#- Contributions and the figures added up from them are exact decimals: euro
    amounts (4 decimals) and jobs (amount x ratio / 10^6) sum without the
    floating-point residue that would turn an empty denominator into 1e-17. -#}
{% macro contribution_type() -%}
    decimal(38, 12)
{%- endmacro %}

{#- O3_3 and O3_4: 1 when a document of the type is in force on 31/12 and
    every consultation of the year in scope carries it (true when there is
    none). The model writes, as CTEs, the documents that can establish the
    fact (rows of int_documents_in_force) and the consultations checked
    (rows of stg_extracts__consultations with their `year` and
    `carries_the_document`), then calls this after a comma: it adds the
    check as CTEs and the final select. The documents and the consultations
    checked are listed; only a document carries the 1. -#}
{% macro document_applied_to_consultations(indicator_code, documents, consultations) %}
{%- set document_facts = ['document_type', 'validation_date', 'publication_date', 'withdrawal_date', 'url', 'contact_email'] %}
years_with_a_gap as (
    select distinct
        filiale_code,
        year
    from {{ consultations }}
    where not carries_the_document
),

documents_checked as (
    select
        documents.*,
        documents.document_id as business_key,
        case
            when
                gaps.year is null
                and row_number() over (
                    partition by documents.filiale_code, documents.year
                    order by documents.publication_date desc, documents.document_id asc
                ) = 1
                then 1
            else 0
        end as numerator_contribution,
        null as denominator_contribution
    from {{ documents }} as documents
    left join years_with_a_gap as gaps
        on documents.filiale_code = gaps.filiale_code and documents.year = gaps.year
),

consultations_checked as (
    select
        *,
        consultation_id as business_key,
        0 as numerator_contribution,
        null as denominator_contribution
    from {{ consultations }}
)

select {{ evidence_columns(indicator_code, 'documents', document_facts) }}
from documents_checked

union all

select {{ evidence_columns(indicator_code, 'consultations', ['launch_date', 'estimated_amount_ht', 'carries_the_document']) }}
from consultations_checked
{% endmacro %}
