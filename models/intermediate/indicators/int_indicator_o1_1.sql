{#- int_documents_in_force has a row per document and year it is in force
    on 31/12. The most recently published policy carries the 1 (the smaller
    id_document between two published the same day). -#}
with policies_in_force as (
    select
        *,
        document_id as business_key,
        case
            when
                row_number() over (
                    partition by filiale_code, year
                    order by publication_date desc, document_id asc
                ) = 1
                then 1
            else 0
        end as numerator_contribution,
        null as denominator_contribution
    from {{ ref('int_documents_in_force') }}
    where document_type = 'POLITIQUE_ACHATS_RESPONSABLES'
)

select {{ evidence_columns('O1_1', 'documents', ['document_type', 'validation_date', 'publication_date', 'withdrawal_date', 'url']) }}
from policies_in_force
