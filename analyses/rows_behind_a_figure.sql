{#- The source rows behind one figure of fct_indicators, for an auditor:
    `dbt compile --select rows_behind_a_figure --vars '{filiale: SEQENS,
    year: 2025, indicator: O1_4}'` prints the query to run. -#}
select
    evidence.extract,
    evidence.business_key,
    evidence.source_file,
    evidence.line_number,
    evidence.numerator_contribution,
    evidence.denominator_contribution
from {{ ref('fct_indicator_evidence') }} as evidence
where
    evidence.filiale_code = '{{ var("filiale", "SEQENS") }}'
    and evidence.year = {{ var("year", 2025) }}
    and evidence.indicator_code = '{{ var("indicator", "O1_4") }}'
order by evidence.source_file, evidence.line_number
