with {{ staging_validated_rows('marches') }}

select
    filiale_code,
    source_file,
    line_number,
    id_marche as contract_id,
    objet as subject,
    categorie__parsed as category,
    segment__parsed as segment,
    procedure as procedure_label,
    techniques__parsed as procurement_techniques,
    id_accord_cadre as framework_agreement_id,
    marche_innovant__parsed as is_innovative,
    date_notification__parsed as notification_date,
    montant_ht__parsed as amount_ht,
    montant_reference_ht__parsed as reference_amount_ht,
    duree_mois__parsed as duration_months,
    siret_titulaire__parsed as holder_siret,
    considerations_sociales__parsed as social_considerations,
    considerations_environnementales__parsed as environmental_considerations,
    clauses__parsed as clauses,
    objectif_valorisation_dechets_pct__parsed as waste_recovery_target_pct,
    id_operation as operation_id,
    statut__parsed as contract_status,
    reject_reason,
    {{ staging_raw_values('marches', 'reject_reason') }} as raw_values
from deduplicated
