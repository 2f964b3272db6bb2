{#- Registry rows ignored, per registry and file: a key of another shape
    (counted over the whole registry: the scan that finds the delivery's rows
    finds these too), an ESUS date that does not parse (counted among the
    delivery's SIRENs, the only rows read); and the rows read with the
    leading zero a spreadsheet dropped (`registry_key_zero_padded`). -#}
{%- for registry, spec in registry_specs().items() %}
    select
        'registry_row_ignored' as finding,
        '{{ spec.label }}' as extract,
        'clé ' || upper(key_column) || ' mal formée : ligne ignorée (' || source_file || ')' as detail,
        count(*) as rows_count
    from {{ ref('base_registries__' ~ registry) }}
    where not has_well_formed_key
    group by all
    union all
    select
        'registry_key_zero_padded' as finding,
        '{{ spec.label }}' as extract,
        'clé ' || upper(key_column) || ' sans son zéro initial (tableur) : lue avec lui (' || source_file || ')' as detail,
        count(*) as rows_count
    from {{ ref('base_registries__' ~ registry) }}
    where is_zero_padded
    group by all
    union all
{%- endfor %}
select
    'registry_row_ignored' as finding,
    'esus' as extract,
    'date d''agrément illisible : ligne ignorée (' || esus.source_file || ')' as detail,
    count(*) as rows_count
from {{ ref('base_registries__esus') }} as esus
anti join {{ ref('stg_registries__esus_agreements') }} as kept
    on esus.source_file = kept.source_file and esus.row_number_in_file = kept.row_number_in_file
where esus.has_well_formed_key
group by all
