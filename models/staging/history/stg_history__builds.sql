{#- The published builds of the history, one row each (build.parquet). -#}
{{ history_rows('build', {
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
}) }}
