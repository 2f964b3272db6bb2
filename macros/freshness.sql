{#- What `dbt source freshness` measures (the sources' `loaded_at_query`, rendered when
    it runs, after a build, on that build's database; docs/conventions.md). -#}

{#- The delivery: its files carry no load time of their own, so each is as old as the
    delivery's as-of date (int_as_of_date_resolved: the latest invoice not after the
    build day, or the var spaser_as_of_date), read back from the last build. -#}
{% macro delivery_loaded_at() -%}
    select as_of_date::timestamp from intermediate.int_as_of_date_resolved
{%- endmacro %}

{#- The history: the database the BI tools and the report read is as old as the last
    publication, the latest `finished_at` of the published builds (set before the build's
    history folder is written: spaser.publish). None published yet: null, which dbt
    counts as infinitely old, and "nothing published" is worth the warning. The view is
    landed again by the freshness run's own on-run-start hook (dbt_project.yml), so that
    it sees the builds published since the build that made the database. -#}
{% macro publication_loaded_at() -%}
    select max(finished_at) from {{ source('history', 'builds') }}
{%- endmacro %}

{#- A registry: its edition is its files' modification time (INSEE's monthly stock is
    unzipped with the archive entry's date, the edition's), the latest of the files its
    base model reads (registry_files, the build's own listing). A registry without a
    file decides nothing: what it would decide falls back to the ERP's supplier master
    (or another registry), so it is as old as the delivery. The files are not read:
    read_blob fetches only their modification time when nothing else is selected. -#}
{% macro registry_loaded_at(registry) -%}
    {%- set paths = registry_files(registry_specs()[registry]) | map(attribute='path') | list -%}
    {%- if paths -%}
        select max(last_modified) from read_blob([{{ duckdb_files(paths) }}])
    {%- else -%}
        {{ delivery_loaded_at() }}
    {%- endif -%}
{%- endmacro %}
