{#- One of the four labels is enough; any other label counts 0. -#}
with new_builds_delivered as (
    select
        *,
        year(delivery_date) as year,
        operation_id as business_key,
        case
            when list_has_any(labels, ['BBCA', 'NF_HABITAT_HQE', 'BATIMENT_BIOSOURCE', 'PASSIVHAUS']) then 1
            else 0
        end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('stg_extracts__operations') }}
    where operation_type = 'CONSTRUCTION_NEUVE' and delivery_date is not null
)

select {{ evidence_columns('O4_5', 'operations', ['delivery_date', 'labels']) }}
from new_builds_delivered
