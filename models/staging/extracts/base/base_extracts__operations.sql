with {{ staging_validated_rows('operations') }}

select
    filiale_code,
    source_file,
    line_number,
    id_operation as operation_id,
    type_operation__parsed as operation_type,
    libelle as label,
    upper(code_commune) as commune_code,
    nb_logements__parsed as housing_units_count,
    date_ordre_service__parsed as works_start_date,
    date_livraison__parsed as delivery_date,
    labels__parsed as labels,
    charte_chantier_propre__parsed as has_clean_site_charter,
    etiquette_dpe_avant__parsed as dpe_label_before,
    etiquette_dpe_apres__parsed as dpe_label_after,
    reject_reason,
    {{ staging_raw_values('operations', 'reject_reason') }} as raw_values
from deduplicated
