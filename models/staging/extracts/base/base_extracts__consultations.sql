with {{ staging_validated_rows('consultations') }}

select
    filiale_code,
    source_file,
    line_number,
    id_consultation as consultation_id,
    objet as subject,
    date_lancement__parsed as launch_date,
    montant_estime_ht__parsed as estimated_amount_ht,
    programmee__parsed as is_programmed,
    charte_ethique_dce__parsed as has_ethics_charter,
    mediateur_dce__parsed as has_mediator_contact,
    reject_reason,
    {{ staging_raw_values('consultations', 'reject_reason') }} as raw_values
from deduplicated
