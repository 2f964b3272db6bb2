{#- The most recently published policy in force carries the 1. -#}
select
    {{ evidence_columns(
        'O1_1', 'documents', 'year', 'document_id',
        establishing_row_flag('publication_date desc, document_id')
    ) }}
from {{ ref('int_documents_in_force') }}
where document_type = 'POLITIQUE_ACHATS_RESPONSABLES'
