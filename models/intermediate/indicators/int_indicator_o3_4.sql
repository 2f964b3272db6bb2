{#- The supplier mediator, in force on 31/12 with a published contact e-mail,
    in the documents of every consultation launched in the year. -#}
with mediators_with_contact as (
    select *
    from {{ ref('int_documents_in_force') }}
    where document_type = 'MEDIATEUR_FOURNISSEURS' and contact_email is not null
),

consultations_launched as (
    select
        *,
        year(launch_date) as year,
        coalesce(has_mediator_contact, false) as carries_the_document
    from {{ ref('stg_extracts__consultations') }}
),

{{ document_applied_to_consultations('O3_4', 'mediators_with_contact', 'consultations_launched') }}
