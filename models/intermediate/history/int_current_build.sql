{#- The build running, one row: what the publish tells dbt of it
    (spaser.history.dbt_environment) and its as-of date. A plain `dbt build`
    is named by its invocation and has no fingerprints: it is compared with
    the history, but cannot say whether its settings differ. -#}
select
    coalesce(
        nullif({{ sql_string(env_var('SPASER_BUILD_ID', '')) }}, ''),
        {{ sql_string(invocation_id) }}
    ) as build_id,
    coalesce(
        nullif({{ sql_string(env_var('SPASER_BUILD_STARTED_AT', '')) }}, '')::timestamptz,
        {{ sql_string(run_started_at.isoformat()) }}::timestamptz
    ) as started_at,
    nullif({{ sql_string(env_var('SPASER_VARS_FINGERPRINT', '')) }}, '') as vars_fingerprint,
    nullif({{ sql_string(env_var('SPASER_SEEDS_FINGERPRINT', '')) }}, '') as seeds_fingerprint,
    as_of.as_of_date
from {{ ref('int_as_of_date_resolved') }} as as_of
