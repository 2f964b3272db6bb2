{{ config(materialized='table') }}

with source as (
    select * from {{ ref('raw_vehicules') }}
),

parsed as (
    select
        *,
        {{ parse_number('co2_g_km') }} as co2_wltp_g_km,
        {{ parse_date('date_entree_parc') }} as fleet_entry_date,
        {{ parse_date('date_sortie_parc') }} as fleet_exit_date,
        {{ parse_code('mode_detention', ['Propriété', 'Location']) }} as ownership_mode
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('immatriculation') }},
            {{ reject_if_empty('energie') }},
            {{ reject_if_invalid('co2_g_km', 'co2_wltp_g_km', 'number') }},
            {{ reject_if_empty('date_entree_parc') }},
            {{ reject_if_invalid('date_entree_parc', 'fleet_entry_date', 'date') }},
            {{ reject_if_invalid('date_sortie_parc', 'fleet_exit_date', 'date') }},
            {{ reject_if_unknown_code('mode_detention', 'ownership_mode') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    immatriculation as registration,
    {#- Any non-empty P.3 code is accepted, compared ignoring case. -#}
    upper(energie) as energy_code,
    co2_wltp_g_km,
    fleet_entry_date,
    fleet_exit_date,
    ownership_mode,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['immatriculation']) }}) as reject_reason
from checked
