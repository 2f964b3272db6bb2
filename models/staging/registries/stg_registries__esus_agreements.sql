{#- The ESUS agreements of the SIRENs the delivery needs, one row per row of
    the list (a company may hold several): a SIRET is cut to its SIREN; a row
    whose date does not parse is ignored (counted in int_registry_findings). -#}
with agreements as (
    select
        key_value as siren,
        {{ registry_value('raison_sociale') }} as company_name,
        {{ registry_value('date_agrement') }} as start_text,
        {{ registry_value('date_fin_agrement') }} as end_text,
        source_file,
        row_number_in_file
    from {{ ref('base_registries__esus') }}
    where has_well_formed_key
)

select
    siren,
    company_name,
    {{ parse_registry_date('start_text') }} as agreement_start_date,
    {{ parse_registry_date('end_text') }} as agreement_end_date,
    source_file,
    row_number_in_file
from agreements
where
    (start_text is null or {{ parse_registry_date('start_text') }} is not null)
    and (end_text is null or {{ parse_registry_date('end_text') }} is not null)
