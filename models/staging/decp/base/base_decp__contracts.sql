{{ config(materialized='table') }}

{#- The fields of each DECP record that the checks use, typed, with the
    reason why a record cannot be kept: no `id` (or an empty one), a date of
    the record or of one of its modifications that does not read as
    AAAA-MM-JJ (a time zone or a time may follow), or an amount that is not a
    finite number. A missing date or amount is not an invalid one (the
    earlier format's examples omit some). Concessions are not contracts. -#}
with source as (
    select
        *,
        {{ decp_text('record', '$.id') }} as contract_id,
        {{ decp_text('record', '$.dateNotification') }} as notification_text,
        {{ decp_text('record', '$.datePublicationDonnees') }} as publication_text,
        coalesce({{ decp_items("record -> '$.modifications'", 'modification') }}, []) as modifications,
        coalesce({{ decp_items("record -> '$.titulaires'", 'titulaire') }}, [])[1] as first_holder
    from {{ ref('base_decp__records') }}
    where not is_concession
),

parsed as (
    select
        *,
        {{ decp_date('notification_text') }} as notification_date,
        {{ decp_date('publication_text') }} as publication_date,
        {#- The first date or amount of a modification that is there but does not read. #}
        [
            reason
            for reason in flatten([
                [
                    {%- for field in ['dateNotificationModification', 'dateSignatureModification', 'datePublicationDonneesModification'] %}
                        {%- set text = decp_text('modification', '$.' ~ field) %}
                        {{ decp_reject_if_invalid_date(text, decp_date(text), field) }},
                    {%- endfor %}
                    {{ decp_reject_if_invalid_amount("modification -> '$.montant'", 'montant (modification)') }}
                ]
                for modification in modifications
            ])
            if reason is not null
        ][1] as modification_reject_reason
    from source
)

select
    filiale_code,
    source_file,
    line_number,
    contract_id,
    regexp_replace(
        coalesce(
            {{ decp_text('record', '$.acheteur.id') }},
            {{ decp_text('(' ~ decp_list("record -> '$.acheteurs'") ~ ')[1]', '$.id') }}
        ),
        '\s', '', 'g'
    ) as buyer_siret,
    {{ decp_text('record', '$.nature') }} as nature,
    {{ decp_text('record', '$.objet') }} as subject,
    {{ decp_text('record', '$.procedure') }} as procedure_label,
    {{ decp_labels("coalesce(record -> '$.techniques', record -> '$.technique')", 'technique') }} as techniques,
    notification_date,
    publication_date,
    {{ decp_amount("record -> '$.montant'") }} as amount,
    {{ decp_text('first_holder', '$.id') }} as first_holder_id,
    {{ decp_text('first_holder', '$.typeIdentifiant') }} as first_holder_id_type,
    {{ decp_labels("record -> '$.considerationsSociales'", 'considerationSociale') }} as social_considerations,
    {{ decp_labels("record -> '$.considerationsEnvironnementales'", 'considerationEnvironnementale') }}
        as environmental_considerations,
    try_cast(record ->> '$.marcheInnovant' as boolean) as is_innovative,
    modifications,
    record as raw_record,
    coalesce(
        case when contract_id is null then 'required field ''id'' is empty' end,
        {{ decp_reject_if_invalid_date('notification_text', 'notification_date', 'dateNotification') }},
        {{ decp_reject_if_invalid_date('publication_text', 'publication_date', 'datePublicationDonnees') }},
        {{ decp_reject_if_invalid_amount("record -> '$.montant'", 'montant') }},
        modification_reject_reason
    ) as reject_reason
from parsed
