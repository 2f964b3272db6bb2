{{ config(materialized='table') }}

with source as (
    select * from {{ ref('raw_formations') }}
),

parsed as (
    select
        *,
        {{ parse_date('date_session') }} as session_date,
        {{ parse_integer('nb_participants') }} as participants_count
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_session') }},
            {{ reject_if_empty('date_session') }},
            {{ reject_if_invalid('date_session', 'session_date', 'date') }},
            {{ reject_if_invalid('nb_participants', 'participants_count', 'integer') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_session as session_id,
    session_date,
    intitule as title,
    theme,
    participants_count,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_session']) }}) as reject_reason
from checked
