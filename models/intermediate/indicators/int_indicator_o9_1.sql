{#- Follow-up and sourcing events are not collaborative meetings (var
    events_excluded_from_meetings). -#}
with collaborative_meetings as (
    select
        *,
        year(event_date) as year,
        event_id as business_key,
        1 as numerator_contribution,
        null as denominator_contribution
    from {{ ref('stg_extracts__supplier_events') }}
    where event_type not in ({{ sql_literals(var('events_excluded_from_meetings')) }})
)

select {{ evidence_columns('O9_1', 'evenements_fournisseurs', ['event_date', 'event_type', 'title', 'companies_count']) }}
from collaborative_meetings
