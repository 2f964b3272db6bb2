{#- The history of published builds (src/spaser/history.py): Parquet files under
    SPASER_HISTORY_DIR, which the publish sets to `<SPASER_OUTPUT_DIR>/history`; a
    plain `dbt build` reads the same folder of SPASER_OUTPUT_DIR (default `output/`). -#}
{% macro history_dir() -%}
    {%- set configured = env_var('SPASER_HISTORY_DIR', '') | trim -%}
    {%- set output = (env_var('SPASER_OUTPUT_DIR', '') | trim) or (invocation_args_dict.project_dir ~ '/output') -%}
    {{ return(configured or (output ~ '/history')) }}
{%- endmacro %}

{#- The rows of one history file of every published build, typed by `columns`
    (name: type). No build published yet (or a file the retention removed
    everywhere): the same columns, no row, since read_parquet fails on a glob
    that matches nothing. -#}
{% macro history_rows(file_name, columns) -%}
    {%- set files = '/builds/*/' ~ file_name ~ '.parquet' -%}
    {%- set found = 0 -%}
    {%- if execute -%}
        {%- set found = run_query('select count(*) from glob(' ~ sql_string(duckdb_path_pattern(history_dir()) ~ files) ~ ')').columns[0].values()[0] -%}
    {%- endif -%}
    {%- if found > 0 %}
    select
        {%- for name, type in columns.items() %}
        {{ name }}::{{ type }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from read_parquet({{ sql_string(duckdb_path_pattern(history_dir()) ~ files) }}, union_by_name = true)
    {%- else %}
    select
        {%- for name, type in columns.items() %}
        null::{{ type }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    where false
    {%- endif %}
{%- endmacro %}

{#- The history as a dbt source, run as an on-run-start hook: one view
    `raw.history_<table>` per history file, typed (columns below), which the
    stg_history__ models read. -#}
{% macro land_history() -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- do run_query('create schema if not exists raw') -%}
    {%- for table, file in history_tables().items() -%}
        {%- do run_query('create or replace view raw.history_' ~ table ~ ' as ' ~ history_rows(file.name, file.columns)) -%}
    {%- endfor -%}
    {{ return('') }}
{%- endmacro %}

{#- The columns of a table of the history source, in order, as the
    stg_history__ models select them: declared once, in history_tables. -#}
{% macro history_columns(table) -%}
    {%- for name in history_tables()[table].columns %}
    {{ name }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- Each table of the history source: its Parquet file in each build folder
    (src/spaser/history.py writes them) and its columns, typed. -#}
{% macro history_tables() -%}
    {#- A figure's columns, the same for a filiale's and the group's. -#}
    {%- set figure = {
        'year': 'integer',
        'indicator_code': 'varchar',
        'unit': 'varchar',
        'numerator': contribution_type(),
        'denominator': contribution_type(),
        'value': 'double',
    } -%}
    {%- set indicators = {'build_id': 'varchar', 'filiale_code': 'varchar'} -%}
    {%- do indicators.update(figure) -%}
    {%- set indicators_group = {'build_id': 'varchar'} -%}
    {%- do indicators_group.update(figure) -%}
    {{ return({
        'builds': {'name': 'build', 'columns': {
            'build_id': 'varchar',
            'build_rank': 'integer',
            'started_at': 'timestamptz',
            'finished_at': 'timestamptz',
            'raw_dir': 'varchar',
            'is_demo_delivery': 'boolean',
            'raw_fingerprint': 'varchar',
            'vars': 'json',
            'vars_fingerprint': 'varchar',
            'seeds_fingerprint': 'varchar',
            'as_of_date': 'date',
        }},
        'indicators': {'name': 'fct_indicators', 'columns': indicators},
        'indicators_group': {'name': 'fct_indicators_group', 'columns': indicators_group},
        'indicator_evidence': {'name': 'fct_indicator_evidence', 'columns': {
            'build_id': 'varchar',
            'filiale_code': 'varchar',
            'year': 'integer',
            'indicator_code': 'varchar',
            'extract': 'varchar',
            'business_key': 'varchar',
            'source_file': 'varchar',
            'line_number': 'bigint',
            'numerator_contribution': contribution_type(),
            'denominator_contribution': contribution_type(),
        }},
    }) }}
{%- endmacro %}

{#- The key of a row compared across two builds, from whichever side of the
    full outer join holds it (a row that entered or left has only one). -#}
{% macro either_side(current, previous, columns) -%}
    {%- for column in columns %}
        coalesce({{ current }}.{{ column }}, {{ previous }}.{{ column }}) as {{ column }}{{ ',' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
