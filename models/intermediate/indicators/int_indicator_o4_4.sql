{#- int_fleet_year_end has a row per vehicle and year it is in the fleet on
    31/12, and decides which vehicle is low-emission. -#}
with fleet_on_december_31 as (
    select
        *,
        registration as business_key,
        case when is_low_emission then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('int_fleet_year_end') }}
)

select {{ evidence_columns('O4_4', 'vehicules', ['energy_code', 'co2_wltp_g_km', 'is_low_emission']) }}
from fleet_on_december_31
