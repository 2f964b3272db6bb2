{#- The cells of the indicator grid whose source is missing because of where
    the payment dates come from: with var payment_dates_source = `ledger`,
    O3_1 and O3_2 of a filiale-year that the books do not cover (no FEC file,
    or no entry dated in the year) are unknown, not zero. Empty with `erp`. -#}
select
    filiale_years.filiale_code,
    filiale_years.year,
    indicators.indicator_code
from {{ ref('int_filiale_years') }} as filiale_years
cross join (values ('O3_1'), ('O3_2')) as indicators (indicator_code)
anti join {{ ref('int_ledger_years_covered') }} as covered
    on filiale_years.filiale_code = covered.filiale_code and filiale_years.year = covered.year
where {{ var('payment_dates_source') == 'ledger' }}
