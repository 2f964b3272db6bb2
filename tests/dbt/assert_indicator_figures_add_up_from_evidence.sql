{#- Every figure of fct_indicators is the sum of its evidence rows, as the
    readers query them (fct_indicator_evidence): the numerator always, the
    denominator for ratios. Returns the cells that do not add up. -#}
with figures as (
    select
        indicators.filiale_code,
        indicators.year,
        indicators.indicator_code,
        indicators.numerator,
        coalesce(sum(evidence.numerator_contribution), 0) as evidence_numerator,
        indicators.denominator,
        coalesce(sum(evidence.denominator_contribution), 0) as evidence_denominator
    from {{ ref('fct_indicators') }} as indicators
    left join {{ ref('fct_indicator_evidence') }} as evidence
        on
            {{ same_cell('indicators', 'evidence') }}
    where indicators.numerator is not null
    group by
        indicators.filiale_code, indicators.year, indicators.indicator_code, indicators.numerator, indicators.denominator
)

select *
from figures
where
    abs(numerator - evidence_numerator) > 1e-9 * greatest(1, abs(numerator))
    or (
        denominator is not null
        and abs(denominator - evidence_denominator) > 1e-9 * greatest(1, abs(denominator))
    )
