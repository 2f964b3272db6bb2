{#- Weighted by housing units; an operation without nb_logements weighs 0
    (listed in the evidence, it shows in the audit trail). -#}
select
    {{ evidence_columns(
        'O4_3', 'operations', 'year(delivery_date)', 'operation_id',
        "case when dpe_label_after in ('A', 'B') then coalesce(housing_units_count, 0) else 0 end",
        'coalesce(housing_units_count, 0)'
    ) }}
from {{ ref('stg_extracts__operations') }}
where operation_type = 'REHABILITATION' and delivery_date is not null
