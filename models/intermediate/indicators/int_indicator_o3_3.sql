{#- The ethics charter, in force on 31/12, in the documents of every
    consultation of the year estimated above the threshold (an empty
    estimate is not above it). -#}
with charters_in_force as (
    select *
    from {{ ref('int_documents_in_force') }}
    where document_type = 'CHARTE_ETHIQUE_FOURNISSEURS'
),

consultations_above_threshold as (
    select
        *,
        year(launch_date) as year,
        coalesce(has_ethics_charter, false) as carries_the_document
    from {{ ref('stg_extracts__consultations') }}
    where estimated_amount_ht > {{ var('charter_consultation_threshold_eur') }}
),

{{ document_applied_to_consultations('O3_3', 'charters_in_force', 'consultations_above_threshold') }}
