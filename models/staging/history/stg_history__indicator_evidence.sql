{#- The evidence rows of the builds the retention keeps them for (by default the
    last one): what the next build compares its own with. -#}
{{ history_rows('fct_indicator_evidence', {
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
}) }}
