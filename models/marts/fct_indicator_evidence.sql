{#- The evidence as the BI tools and the auditors' exports read it: the
    rows of int_indicator_evidence, which the figures of fct_indicators and
    the change evidence read too. A view, for the same reason. -#}
{{ config(materialized='view') }}

select
    filiale_code,
    year,
    indicator_code,
    extract,
    business_key,
    source_file,
    line_number,
    numerator_contribution,
    denominator_contribution,
    facts
from {{ ref('int_indicator_evidence') }}
