{#- The housing stock of a year: for each filiale, the rows of the latest
    snapshot (largest date_situation) dated in the year. A heating or hot
    water vector is renewable or non-fossil per the energy-vector reference
    data; a heat network (RCU) is when its renewable and recovered share is
    at least the threshold. -#}
with snapshots as (
    select
        *,
        year(snapshot_date) as snapshot_year,
        max(snapshot_date) over (partition by filiale_code, year(snapshot_date)) as latest_snapshot_date
    from {{ ref('stg_extracts__housing_units') }}
),

vectors as (
    select * from {{ ref('energy_vectors') }}
)

select
    snapshots.filiale_code,
    snapshots.snapshot_year,
    snapshots.snapshot_date,
    snapshots.housing_unit_id,
    snapshots.heating_mode,
    snapshots.heating_energy,
    snapshots.hot_water_mode,
    snapshots.hot_water_energy,
    snapshots.heat_network_renewable_pct,
    coalesce(
        heating.is_renewable_or_non_fossil
        or (
            heating.renewable_above_network_rate
            and snapshots.heat_network_renewable_pct >= {{ var('heat_network_renewable_min_pct') }}
        ),
        false
    ) as is_heating_renewable,
    coalesce(
        hot_water.is_renewable_or_non_fossil
        or (
            hot_water.renewable_above_network_rate
            and snapshots.heat_network_renewable_pct >= {{ var('heat_network_renewable_min_pct') }}
        ),
        false
    ) as is_hot_water_renewable,
    snapshots.source_file,
    snapshots.line_number
from snapshots
left join vectors as heating on snapshots.heating_energy = heating.energy_vector
left join vectors as hot_water on snapshots.hot_water_energy = hot_water.energy_vector
where snapshots.snapshot_date = snapshots.latest_snapshot_date
