{#- 1 when a purchasing programme was published in the year: its first
    publication of the year carries the 1. -#}
with programmes_published as (
    select
        *,
        year(publication_date) as year,
        document_id as business_key,
        case
            when
                row_number() over (
                    partition by filiale_code, year(publication_date)
                    order by publication_date, document_id
                ) = 1
                then 1
            else 0
        end as numerator_contribution,
        null as denominator_contribution
    from {{ ref('stg_extracts__documents') }}
    where document_type = 'PROGRAMMATION_ACHATS' and publication_date is not null
)

select {{ evidence_columns('O9_2', 'documents', ['document_type', 'validation_date', 'publication_date', 'url']) }}
from programmes_published
