{#- Collective heating only: an individual or unknown mode is out of scope. -#}
with collectively_heated_units as (
    select
        *,
        snapshot_year as year,
        housing_unit_id || ' @ ' || snapshot_date as business_key,
        case when is_heating_renewable then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_housing_snapshot') }}
    where heating_mode = 'Collectif'
)

select {{ evidence_columns('O4_1', 'logements', ['snapshot_date', 'heating_mode', 'heating_energy', 'heat_network_renewable_pct', 'is_heating_renewable']) }}
from collectively_heated_units
