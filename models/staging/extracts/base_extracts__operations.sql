{{ config(materialized='table') }}

{%- set operation_types = [
    'CONSTRUCTION_NEUVE', 'REHABILITATION', 'MAINTENANCE', 'RENOUVELLEMENT_COMPOSANTS'
] -%}
{%- set labels = ['BBCA', 'NF_HABITAT_HQE', 'BATIMENT_BIOSOURCE', 'PASSIVHAUS'] -%}
{%- set dpe = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] -%}

with source as (
    select * from {{ ref('raw_operations') }}
),

parsed as (
    select
        *,
        {{ parse_code('type_operation', operation_types) }} as operation_type,
        {{ parse_integer('nb_logements') }} as housing_units_count,
        {{ parse_date('date_ordre_service') }} as works_start_date,
        {{ parse_date('date_livraison') }} as delivery_date,
        {{ parse_boolean('charte_chantier_propre') }} as has_clean_site_charter,
        {{ parse_code('etiquette_dpe_avant', dpe) }} as dpe_label_before,
        {{ parse_code('etiquette_dpe_apres', dpe) }} as dpe_label_after
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_operation') }},
            {{ reject_if_empty('type_operation') }},
            {{ reject_if_unknown_code('type_operation', 'operation_type') }},
            {{ reject_if_invalid('nb_logements', 'housing_units_count', 'integer') }},
            {{ reject_if_invalid('date_ordre_service', 'works_start_date', 'date') }},
            {{ reject_if_invalid('date_livraison', 'delivery_date', 'date') }},
            {{ reject_if_invalid('charte_chantier_propre', 'has_clean_site_charter', 'boolean') }},
            {{ reject_if_unknown_code('etiquette_dpe_avant', 'dpe_label_before') }},
            {{ reject_if_unknown_code('etiquette_dpe_apres', 'dpe_label_after') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_operation as operation_id,
    operation_type,
    libelle as label,
    upper(code_commune) as commune_code,
    housing_units_count,
    works_start_date,
    delivery_date,
    {{ known_codes('labels', labels) }} as labels,
    has_clean_site_charter,
    dpe_label_before,
    dpe_label_after,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_operation']) }}) as reject_reason
from checked
