{#- The group figures of every published build (fct_indicators_group.parquet). -#}
{{ history_rows('fct_indicators_group', {
    'build_id': 'varchar',
    'year': 'integer',
    'indicator_code': 'varchar',
    'unit': 'varchar',
    'numerator': contribution_type(),
    'denominator': contribution_type(),
    'value': 'double',
}) }}
