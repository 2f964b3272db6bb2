{#- 1 when an ethics charter is in force on 31/12 and every consultation of
    the year above the threshold carries it (true when there is none). The
    charters and the consultations checked are listed; only a charter
    carries the 1, when the condition holds. -#}
with consultations as (
    select
        *,
        year(launch_date) as year
    from {{ ref('stg_extracts__consultations') }}
    where estimated_amount_ht > {{ var('charter_consultation_threshold_eur') }}
),

years_with_missing_charter as (
    select distinct
        filiale_code,
        year
    from consultations
    where not coalesce(has_ethics_charter, false)
),

charters as (
    select
        documents.*,
        missing.year is null as every_consultation_carries_it
    from {{ ref('int_documents_in_force') }} as documents
    left join years_with_missing_charter as missing
        on documents.filiale_code = missing.filiale_code and documents.year = missing.year
    where documents.document_type = 'CHARTE_ETHIQUE_FOURNISSEURS'
)

select
    {{ evidence_columns(
        'O3_3', 'documents', 'year', 'document_id',
        establishing_row_flag('publication_date desc, document_id', 'every_consultation_carries_it')
    ) }}
from charters

union all

select {{ evidence_columns('O3_3', 'consultations', 'year', 'consultation_id', 0) }}
from consultations
