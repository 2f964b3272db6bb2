{#- Any non-empty P.3 energy code is accepted, compared ignoring case. -#}
with {{ staging_validated_rows('vehicules') }}

select
    filiale_code,
    source_file,
    line_number,
    immatriculation as registration,
    upper(energie) as energy_code,
    co2_g_km__parsed as co2_wltp_g_km,
    date_entree_parc__parsed as fleet_entry_date,
    date_sortie_parc__parsed as fleet_exit_date,
    mode_detention__parsed as ownership_mode,
    reject_reason,
    {{ staging_raw_values('vehicules', 'reject_reason') }} as raw_values
from deduplicated
