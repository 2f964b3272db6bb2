{#- The filiale figures of every published build (fct_indicators.parquet). -#}
{{ history_rows('fct_indicators', {
    'build_id': 'varchar',
    'filiale_code': 'varchar',
    'year': 'integer',
    'indicator_code': 'varchar',
    'unit': 'varchar',
    'numerator': contribution_type(),
    'denominator': contribution_type(),
    'value': 'double',
}) }}
