{#- The published builds of the history, one row each (build.parquet). -#}
select
    build_id,
    build_rank,
    started_at,
    finished_at,
    raw_dir,
    is_demo_delivery,
    raw_fingerprint,
    vars,
    vars_fingerprint,
    seeds_fingerprint,
    as_of_date
from {{ source('history', 'builds') }}
