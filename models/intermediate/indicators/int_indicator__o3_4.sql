{#- 1 when a supplier mediator document with a published contact e-mail is
    in force on 31/12 and every consultation launched in the year gives the
    mediator's contact (true when there is none). -#}
with consultations as (
    select
        *,
        year(launch_date) as year
    from {{ ref('stg_extracts__consultations') }}
),

years_with_missing_mediator as (
    select distinct
        filiale_code,
        year
    from consultations
    where not coalesce(has_mediator_contact, false)
),

mediators as (
    select
        documents.*,
        missing.year is null as every_consultation_carries_it
    from {{ ref('int_documents_in_force') }} as documents
    left join years_with_missing_mediator as missing
        on documents.filiale_code = missing.filiale_code and documents.year = missing.year
    where
        documents.document_type = 'MEDIATEUR_FOURNISSEURS'
        and documents.contact_email is not null
)

select
    {{ evidence_columns(
        'O3_4', 'documents', 'year', 'document_id',
        establishing_row_flag('publication_date desc, document_id', 'every_consultation_carries_it')
    ) }}
from mediators

union all

select {{ evidence_columns('O3_4', 'consultations', 'year', 'consultation_id', 0) }}
from consultations
