{{ config(materialized='table') }}

{%- set segments = [
    'CONSTRUCTION_NEUVE', 'REHABILITATION', 'ENTRETIEN_MAINTENANCE', 'ESPACES_EXTERIEURS',
    'NETTOYAGE', 'ENERGIE', 'FLOTTE_AUTOMOBILE', 'INFORMATIQUE',
    'PRESTATIONS_INTELLECTUELLES', 'ACHATS_GENERAUX'
] -%}
{%- set techniques = [
    'Accord-cadre', "Système d'acquisition dynamique", 'Concours', 'Catalogue électronique',
    'Enchère électronique', 'Système de qualification', 'Sans objet'
] -%}
{%- set social = [
    'Clause sociale', 'Critère social', 'Marché réservé', 'Pas de considération sociale'
] -%}
{%- set environmental = [
    'Clause environnementale', 'Critère environnemental', 'Pas de considération environnementale'
] -%}
{%- set clauses = [
    'BOIS_DURABLE', 'BIOSOURCE', 'RECYCLAGE_DECHETS', 'GESTION_ECOLOGIQUE', 'ECOLABEL',
    'KITS_ECONOMES', 'DONNEES_ENERGIE'
] -%}

with source as (
    select * from {{ ref('raw_marches') }}
),

parsed as (
    select
        *,
        {{ parse_code('categorie', ['Travaux', 'Services', 'Fournitures']) }} as category,
        {{ parse_code('segment', segments) }} as purchase_segment,
        {{ parse_code_list('techniques', techniques) }} as procurement_techniques,
        {{ parse_boolean('marche_innovant') }} as is_innovative,
        {{ parse_date('date_notification') }} as notification_date,
        {{ parse_amount('montant_ht') }} as amount_ht,
        {{ parse_amount('montant_reference_ht') }} as reference_amount_ht,
        {{ parse_integer('duree_mois') }} as duration_months,
        {{ parse_code_list('considerations_sociales', social) }} as social_considerations,
        {{ parse_code_list('considerations_environnementales', environmental) }} as environmental_considerations,
        {{ parse_number('objectif_valorisation_dechets_pct') }} as waste_recovery_target_pct,
        {{ parse_code('statut', ['Notifié', 'Résilié', 'Annulé']) }} as contract_status
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_marche') }},
            {{ reject_if_empty('categorie') }},
            {{ reject_if_unknown_code('categorie', 'category') }},
            {{ reject_if_empty('segment') }},
            {{ reject_if_unknown_code('segment', 'purchase_segment') }},
            {{ reject_if_unknown_list_item('techniques', techniques) }},
            {{ reject_if_invalid('marche_innovant', 'is_innovative', 'boolean') }},
            {{ reject_if_empty('date_notification') }},
            {{ reject_if_invalid('date_notification', 'notification_date', 'date') }},
            {{ reject_if_empty('montant_ht') }},
            {{ reject_if_invalid('montant_ht', 'amount_ht', 'amount') }},
            {{ reject_if_invalid('montant_reference_ht', 'reference_amount_ht', 'amount') }},
            {{ reject_if_invalid('duree_mois', 'duration_months', 'integer') }},
            {{ reject_if_unknown_list_item('considerations_sociales', social) }},
            {{ reject_if_unknown_list_item('considerations_environnementales', environmental) }},
            {{ reject_if_invalid('objectif_valorisation_dechets_pct', 'waste_recovery_target_pct', 'number') }},
            {{ reject_if_empty('statut') }},
            {{ reject_if_unknown_code('statut', 'contract_status') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_marche as contract_id,
    objet as subject,
    category,
    purchase_segment as segment,
    procedure as procedure_label,
    procurement_techniques,
    id_accord_cadre as framework_agreement_id,
    is_innovative,
    notification_date,
    amount_ht,
    reference_amount_ht,
    duration_months,
    {{ parse_siret('siret_titulaire') }} as holder_siret,
    social_considerations,
    environmental_considerations,
    {{ known_codes('clauses', clauses) }} as clauses,
    waste_recovery_target_pct,
    id_operation as operation_id,
    contract_status,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_marche']) }}) as reject_reason
from checked
