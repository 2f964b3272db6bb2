with {{ staging_validated_rows('documents') }}

select
    filiale_code,
    source_file,
    line_number,
    id_document as document_id,
    type_document__parsed as document_type,
    date_validation__parsed as validation_date,
    date_publication__parsed as publication_date,
    url,
    contact_email,
    date_retrait__parsed as withdrawal_date,
    reject_reason,
    {{ staging_raw_values('documents', 'reject_reason') }} as raw_values
from deduplicated
