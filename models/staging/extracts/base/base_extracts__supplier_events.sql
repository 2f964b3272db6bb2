with {{ staging_validated_rows('evenements_fournisseurs') }}

select
    filiale_code,
    source_file,
    line_number,
    id_evenement as event_id,
    date_evenement__parsed as event_date,
    type_evenement__parsed as event_type,
    intitule as title,
    nb_entreprises__parsed as companies_count,
    reject_reason,
    {{ staging_raw_values('evenements_fournisseurs', 'reject_reason') }} as raw_values
from deduplicated
