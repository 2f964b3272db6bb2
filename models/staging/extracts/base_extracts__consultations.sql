{{ config(materialized='table') }}

with source as (
    select * from {{ ref('raw_consultations') }}
),

parsed as (
    select
        *,
        {{ parse_date('date_lancement') }} as launch_date,
        {{ parse_amount('montant_estime_ht') }} as estimated_amount_ht,
        {{ parse_boolean('programmee') }} as is_programmed,
        {{ parse_boolean('charte_ethique_dce') }} as has_ethics_charter,
        {{ parse_boolean('mediateur_dce') }} as has_mediator_contact
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_consultation') }},
            {{ reject_if_empty('date_lancement') }},
            {{ reject_if_invalid('date_lancement', 'launch_date', 'date') }},
            {{ reject_if_invalid('montant_estime_ht', 'estimated_amount_ht', 'amount') }},
            {{ reject_if_invalid('programmee', 'is_programmed', 'boolean') }},
            {{ reject_if_invalid('charte_ethique_dce', 'has_ethics_charter', 'boolean') }},
            {{ reject_if_invalid('mediateur_dce', 'has_mediator_contact', 'boolean') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_consultation as consultation_id,
    objet as subject,
    launch_date,
    estimated_amount_ht,
    is_programmed,
    has_ethics_charter,
    has_mediator_contact,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_consultation']) }}) as reject_reason
from checked
