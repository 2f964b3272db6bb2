{#- The contract list of the DECP compliance: published, on time, consistent. -#}
with checked as (
    select * from {{ ref('int_decp_contracts_checked') }}
)

select
    filiale_code,
    year::integer as year,
    contract_id,
    published,
    published_on_time,
    publication_delay_days,
    notification_date_matches,
    amount_matches,
    titulaire_matches,
    social_consideration_matches,
    environmental_consideration_matches,
    framework_matches,
    modified_amount_matches,
    is_inconsistent,
    decp_source_file,
    decp_line_number,
    decp_publication_date,
    erp_notification_date,
    decp_notification_date,
    publication_due_date,
    erp_amount_ht,
    decp_amount,
    erp_titulaire_siret,
    decp_titulaire_siret,
    erp_has_social_consideration,
    decp_has_social_consideration,
    erp_has_environmental_consideration,
    decp_has_environmental_consideration,
    erp_is_framework_agreement,
    decp_is_framework_agreement,
    erp_total_at_modification_ht,
    decp_modified_amount
from checked
