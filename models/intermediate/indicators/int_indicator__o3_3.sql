{#- The ethics charter, in force on 31/12, in the documents of every
    consultation of the year estimated above the threshold. -#}
{{ document_applied_to_consultations(
    'O3_3', 'CHARTE_ETHIQUE_FOURNISSEURS', 'has_ethics_charter',
    consultation_scope='estimated_amount_ht > ' ~ var('charter_consultation_threshold_eur')
) }}
