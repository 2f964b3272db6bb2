{#- The fleet at 31 December of each reporting year: vehicles entered on or
    before that day and not left on or before it (a vehicle leaving on 31/12
    is out). A vehicle is low-emission (art. D. 224-15-11 C. env.) when its
    WLTP CO2 is at most the threshold, or, without CO2, when its energy is
    one of the very-low-emission energies of the reference data. -#}
select
    years.year,
    vehicles.filiale_code,
    vehicles.registration,
    vehicles.energy_code,
    vehicles.co2_wltp_g_km,
    vehicles.co2_wltp_g_km is null as is_co2_missing,
    case
        when vehicles.co2_wltp_g_km is not null
            then vehicles.co2_wltp_g_km <= {{ var('low_emission_max_co2_g_km') }}
        else low_emission.energy_code is not null
    end as is_low_emission,
    vehicles.source_file,
    vehicles.line_number
from {{ ref('int_reporting_years') }} as years
inner join {{ ref('stg_extracts__vehicles') }} as vehicles
    on
        vehicles.fleet_entry_date <= make_date(years.year, 12, 31)
        and (vehicles.fleet_exit_date is null or vehicles.fleet_exit_date > make_date(years.year, 12, 31))
left join {{ ref('low_emission_vehicle_energies') }} as low_emission
    on vehicles.energy_code = low_emission.energy_code
