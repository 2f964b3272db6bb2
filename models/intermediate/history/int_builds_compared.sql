{#- The build running and the one it is compared with, one row: the latest
    published build of the history (none on a first delivery). The settings
    differ when the vars or the seeds (catalogue, targets, reference tables)
    of the two builds differ; unknown when either fingerprint is. -#}
with current_build as (
    select * from {{ ref('int_current_build') }}
),

previous_build as (
    select builds.*
    from {{ ref('stg_history__builds') }} as builds
    where builds.build_id not in (select current_build.build_id from current_build)
    qualify row_number() over (order by builds.build_rank desc) = 1
)

select
    current_build.build_id,
    current_build.started_at as build_at,
    current_build.as_of_date,
    previous_build.build_id as previous_build_id,
    previous_build.finished_at as previous_build_at,
    previous_build.as_of_date as previous_as_of_date,
    current_build.vars_fingerprint != previous_build.vars_fingerprint as vars_changed,
    current_build.seeds_fingerprint != previous_build.seeds_fingerprint as seeds_changed
from current_build
left join previous_build on true
