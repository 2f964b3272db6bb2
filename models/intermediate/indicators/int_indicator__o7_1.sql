select
    {{ evidence_columns(
        'O7_1', 'operations', 'year(works_start_date)', 'operation_id', as_flag('has_clean_site_charter'), 1
    ) }}
from {{ ref('stg_extracts__operations') }}
where operation_type in ('CONSTRUCTION_NEUVE', 'REHABILITATION') and works_start_date is not null
