select
    {{ evidence_columns(
        'O4_5', 'operations', 'year(delivery_date)', 'operation_id',
        as_flag("list_has_any(labels, ['BBCA', 'NF_HABITAT_HQE', 'BATIMENT_BIOSOURCE', 'PASSIVHAUS'])"), 1
    ) }}
from {{ ref('stg_extracts__operations') }}
where operation_type = 'CONSTRUCTION_NEUVE' and delivery_date is not null
