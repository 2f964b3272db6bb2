with {{ staging_validated_rows('formations') }}

select
    filiale_code,
    source_file,
    line_number,
    id_session as session_id,
    date_session__parsed as session_date,
    intitule as title,
    theme,
    nb_participants__parsed as participants_count,
    reject_reason,
    {{ staging_raw_values('formations', 'reject_reason') }} as raw_values
from deduplicated
