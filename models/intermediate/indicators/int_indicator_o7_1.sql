{#- Maintenance and component renewal are not construction sites of the
    Spaser; an operation without a works order has no year. -#}
with operations_started as (
    select
        *,
        year(works_start_date) as year,
        operation_id as business_key,
        case when has_clean_site_charter then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('stg_extracts__operations') }}
    where operation_type in ('CONSTRUCTION_NEUVE', 'REHABILITATION') and works_start_date is not null
)

select {{ evidence_columns('O7_1', 'operations', ['works_start_date', 'operation_type', 'has_clean_site_charter']) }}
from operations_started
