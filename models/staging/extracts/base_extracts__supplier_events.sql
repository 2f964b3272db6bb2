{{ config(materialized='table') }}

{%- set event_types = [
    'RENCONTRE_FOURNISSEURS', 'SENSIBILISATION_ENTREPRISES', 'SUIVI_EXECUTION', 'SOURCING'
] -%}

with source as (
    select * from {{ ref('raw_evenements_fournisseurs') }}
),

parsed as (
    select
        *,
        {{ parse_date('date_evenement') }} as event_date,
        {{ parse_code('type_evenement', event_types) }} as event_type,
        {{ parse_integer('nb_entreprises') }} as companies_count
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_evenement') }},
            {{ reject_if_empty('date_evenement') }},
            {{ reject_if_invalid('date_evenement', 'event_date', 'date') }},
            {{ reject_if_empty('type_evenement') }},
            {{ reject_if_unknown_code('type_evenement', 'event_type') }},
            {{ reject_if_invalid('nb_entreprises', 'companies_count', 'integer') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_evenement as event_id,
    event_date,
    event_type,
    intitule as title,
    companies_count,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_evenement']) }}) as reject_reason
from checked
