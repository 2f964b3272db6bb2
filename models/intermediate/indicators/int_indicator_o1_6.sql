{#- An empty `programmee` counts as no. -#}
with consultations_launched as (
    select
        *,
        year(launch_date) as year,
        consultation_id as business_key,
        case when is_programmed then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('stg_extracts__consultations') }}
)

select {{ evidence_columns('O1_6', 'consultations', ['launch_date', 'subject', 'is_programmed']) }}
from consultations_launched
