{#- Supplier classification shared by the spend indicators (O6_1, O8_1,
    O9_3): SME, local to the filiale's territory, social and solidarity
    economy. -#}
select
    suppliers.filiale_code,
    suppliers.siret,
    suppliers.company_name,
    suppliers.departement_code,
    coalesce(
        suppliers.company_category = 'PME'
        or (
            suppliers.company_category is null
            and suppliers.headcount_band in ({{ sql_literals(var('sme_headcount_bands')) }})
        ),
        false
    ) as is_sme,
    coalesce(list_contains(filiales.departement_codes, suppliers.departement_code), false) as is_local,
    coalesce(suppliers.is_ess_sirene, false) or coalesce(suppliers.has_esus_agreement, false) as is_ess,
    suppliers.source_file,
    suppliers.line_number
from {{ ref('stg_extracts__suppliers') }} as suppliers
inner join {{ ref('stg_extracts__filiales') }} as filiales
    on suppliers.filiale_code = filiales.filiale_code
