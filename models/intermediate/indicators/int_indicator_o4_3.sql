{#- Weighted by housing units; an operation without nb_logements weighs 0
    (listed in the evidence, it shows in the audit trail). -#}
with rehabilitations_delivered as (
    select
        *,
        year(delivery_date) as year,
        operation_id as business_key,
        case
            when dpe_label_after in ('A', 'B') then coalesce(housing_units_count, 0) else 0
        end as numerator_contribution,
        coalesce(housing_units_count, 0) as denominator_contribution
    from {{ ref('stg_extracts__operations') }}
    where operation_type = 'REHABILITATION' and delivery_date is not null
)

select {{ evidence_columns('O4_3', 'operations', ['delivery_date', 'housing_units_count', 'dpe_label_before', 'dpe_label_after']) }}
from rehabilitations_delivered
