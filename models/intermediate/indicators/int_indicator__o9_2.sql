{#- 1 when a purchasing programme was published in the year (its first
    publication of the year carries the 1). -#}
with programmes as (
    select
        *,
        year(publication_date) as year
    from {{ ref('stg_extracts__documents') }}
    where document_type = 'PROGRAMMATION_ACHATS' and publication_date is not null
)

select
    {{ evidence_columns(
        'O9_2', 'documents', 'year', 'document_id', establishing_row_flag('publication_date, document_id')
    ) }}
from programmes
