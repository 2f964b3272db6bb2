with training_sessions as (
    select
        *,
        year(session_date) as year,
        session_id as business_key,
        1 as numerator_contribution,
        null as denominator_contribution
    from {{ ref('stg_extracts__trainings') }}
)

select {{ evidence_columns('O2_1', 'formations', ['session_date', 'title', 'participants_count']) }}
from training_sessions
