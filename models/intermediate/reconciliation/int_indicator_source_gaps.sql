{#- The cells of the indicator grid whose source is missing because of where
    the payment dates come from: with var payment_dates_source = `ledger`,
    O3_1 and O3_2 of a filiale-year that the books do not cover (no FEC file,
    or no entry dated in the year) are unknown, not zero. Empty with `erp`. -#}
select
    filiales.filiale_code,
    years.year,
    indicators.indicator_code
from {{ ref('stg_extracts__filiales') }} as filiales
cross join {{ ref('int_reporting_years') }} as years
cross join (values ('O3_1'), ('O3_2')) as indicators (indicator_code)
anti join {{ ref('int_ledger_years_covered') }} as covered
    on filiales.filiale_code = covered.filiale_code and years.year = covered.year
where {{ var('payment_dates_source') == 'ledger' }}
