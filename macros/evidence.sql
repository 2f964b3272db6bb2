{#- The select list of an indicator's evidence rows: every indicator model
    yields the rows that make its figure, in this shape, and the marts add
    them up (fct_indicator_evidence, fct_indicators). -#}
{% macro evidence_columns(indicator_code, extract, year, business_key, numerator, denominator='null') -%}
    filiale_code,
    ({{ year }})::integer as year,
    '{{ indicator_code }}' as indicator_code,
    '{{ extract }}' as extract,
    ({{ business_key }})::varchar as business_key,
    source_file,
    line_number,
    ({{ numerator }})::{{ contribution_type() }} as numerator_contribution,
    ({{ denominator }})::{{ contribution_type() }} as denominator_contribution
{%- endmacro %}

{#- Contributions and the figures added up from them are exact decimals: euro
    amounts (4 decimals) and jobs (amount x ratio / 10^6) sum without the
    floating-point residue that would turn an empty denominator into 1e-17. -#}
{% macro contribution_type() -%}
    decimal(38, 12)
{%- endmacro %}

{#- 1 when a condition holds, 0 otherwise (unknown counts as no). -#}
{% macro as_flag(condition) -%}
    case when {{ condition }} then 1 else 0 end
{%- endmacro %}

{#- Boolean indicators: several rows may establish the same fact (two
    policies in force); only the first, in the given order, carries the 1 so
    that the evidence adds up to 1, and none when the condition fails. -#}
{% macro establishing_row_flag(order_by, condition='true') -%}
    case
        when ({{ condition }})
            and row_number() over (partition by filiale_code, year order by {{ order_by }}) = 1
            then 1
        else 0
    end
{%- endmacro %}

{#- O3_3 and O3_4: 1 when a document of the type is in force on 31/12 and
    every consultation of the year in scope carries the clause (true when
    there is none). The documents and the consultations checked are listed;
    only a document carries the 1, when the condition holds. -#}
{% macro document_applied_to_consultations(
    indicator_code, document_type, consultation_flag, consultation_scope='true', document_scope='true'
) %}
with consultations as (
    select
        *,
        year(launch_date) as year
    from {{ ref('stg_extracts__consultations') }}
    where {{ consultation_scope }}
),

years_with_a_gap as (
    select distinct
        filiale_code,
        year
    from consultations
    where not coalesce({{ consultation_flag }}, false)
),

documents_checked as (
    select
        documents.*,
        gaps.year is null as every_consultation_carries_it
    from {{ ref('int_documents_in_force') }} as documents
    left join years_with_a_gap as gaps
        on documents.filiale_code = gaps.filiale_code and documents.year = gaps.year
    where documents.document_type = '{{ document_type }}' and {{ document_scope }}
)

select
    {{ evidence_columns(
        indicator_code, 'documents', 'year', 'document_id',
        establishing_row_flag('publication_date desc, document_id', 'every_consultation_carries_it')
    ) }}
from documents_checked

union all

select {{ evidence_columns(indicator_code, 'consultations', 'year', 'consultation_id', 0) }}
from consultations
{% endmacro %}
