{{ config(materialized='table') }}

{%- set document_types = [
    'POLITIQUE_ACHATS_RESPONSABLES', 'CHARTE_ETHIQUE_FOURNISSEURS', 'MEDIATEUR_FOURNISSEURS',
    'PROGRAMMATION_ACHATS'
] -%}

with source as (
    select * from {{ ref('raw_documents') }}
),

parsed as (
    select
        *,
        {{ parse_code('type_document', document_types) }} as document_type,
        {{ parse_date('date_validation') }} as validation_date,
        {{ parse_date('date_publication') }} as publication_date,
        {{ parse_date('date_retrait') }} as withdrawal_date
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_document') }},
            {{ reject_if_empty('type_document') }},
            {{ reject_if_unknown_code('type_document', 'document_type') }},
            {{ reject_if_invalid('date_validation', 'validation_date', 'date') }},
            {{ reject_if_invalid('date_publication', 'publication_date', 'date') }},
            {{ reject_if_invalid('date_retrait', 'withdrawal_date', 'date') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_document as document_id,
    document_type,
    validation_date,
    publication_date,
    url,
    contact_email,
    withdrawal_date,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_document']) }}) as reject_reason
from checked
