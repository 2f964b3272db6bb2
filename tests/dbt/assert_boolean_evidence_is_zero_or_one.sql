{#- A boolean indicator's evidence adds up to 0 or 1: a second document in
    force must not make it 2. -#}
select
    evidence.filiale_code,
    evidence.year,
    evidence.indicator_code,
    sum(evidence.numerator_contribution) as numerator
from {{ ref('int_indicator_evidence') }} as evidence
inner join {{ ref('indicator_catalogue') }} as catalogue
    on evidence.indicator_code = catalogue.indicator_code
where catalogue.unit = 'boolean'
group by evidence.filiale_code, evidence.year, evidence.indicator_code
having sum(evidence.numerator_contribution) not in (0, 1)
