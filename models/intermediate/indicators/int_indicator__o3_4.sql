{#- The supplier mediator, in force on 31/12 with a published contact e-mail,
    in the documents of every consultation launched in the year. -#}
{{ document_applied_to_consultations(
    'O3_4', 'MEDIATEUR_FOURNISSEURS', 'has_mediator_contact',
    document_scope='documents.contact_email is not null'
) }}
