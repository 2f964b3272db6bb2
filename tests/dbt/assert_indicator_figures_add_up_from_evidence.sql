{#- Every figure of fct_indicators is the sum of its evidence rows: the
    numerator always, the denominator for ratios. Returns the cells that
    do not add up. -#}
with evidence as (
    select
        filiale_code,
        year,
        indicator_code,
        sum(numerator_contribution) as numerator,
        sum(denominator_contribution) as denominator
    from {{ ref('int_indicator_evidence') }}
    group by filiale_code, year, indicator_code
)

select
    indicators.filiale_code,
    indicators.year,
    indicators.indicator_code,
    indicators.numerator,
    evidence.numerator as evidence_numerator,
    indicators.denominator,
    evidence.denominator as evidence_denominator
from {{ ref('fct_indicators') }} as indicators
left join evidence
    on
        {{ same_cell('indicators', 'evidence') }}
where
    indicators.numerator is not null
    and (
        abs(indicators.numerator - coalesce(evidence.numerator, 0)) > 1e-9 * greatest(1, abs(indicators.numerator))
        or (
            indicators.denominator is not null
            and abs(indicators.denominator - coalesce(evidence.denominator, 0))
            > 1e-9 * greatest(1, abs(indicators.denominator))
        )
    )
