{#- Each contract in the DECP scope with its publication and, when it is
    published, each consistency check between its standing DECP record and
    the ERP, with both values; a check that cannot be made is null. The
    latest modification with an amount is a DECP rule of its own
    (int_decp_modifications_latest); the ERP's total at its date is set
    against it here, where the ERP contract is. -#}
{%- set tolerance = var('decp_amount_tolerance_eur') %}
with published as (
    select * from {{ ref('int_decp_contracts_published') }}
),

erp as (
    select
        contracts.*,
        staged.holder_siret,
        {{ decp_has_any('contracts.social_considerations', social_consideration_codes()) }} as has_social,
        {{ decp_has_any('contracts.environmental_considerations', environmental_consideration_codes()) }}
            as has_environmental
    from {{ ref('int_contracts_retained') }} as contracts
    inner join {{ ref('stg_extracts__contracts') }} as staged
        on contracts.filiale_code = staged.filiale_code and contracts.contract_id = staged.contract_id
),

-- The latest modification of the standing record, and the ERP's total at its date:
-- the initial amount plus the amendments notified up to that date, that date included;
-- unknown without the date.
modified as (
    select
        published.filiale_code,
        published.contract_id,
        latest.decp_modified_amount,
        case
            when latest.modification_notification_date is not null
                then any_value(erp.amount_ht) + coalesce(sum(amendments.amount_ht), 0)
        end as erp_total_at_modification
    from published
    inner join {{ ref('int_decp_modifications_latest') }} as latest
        on
            {{ same_decp_record('published', 'latest') }}
    inner join erp
        on published.filiale_code = erp.filiale_code and published.contract_id = erp.contract_id
    left join {{ ref('stg_extracts__amendments') }} as amendments
        on
            published.filiale_code = amendments.filiale_code
            and published.contract_id = amendments.contract_id
            and latest.modification_notification_date >= amendments.notification_date
    where published.published
    group by
        published.filiale_code, published.contract_id, latest.modification_notification_date,
        latest.decp_modified_amount
),

checked as (
    select
        published.*,
        decp.publication_date as decp_publication_date,
        erp.notification_date as erp_notification_date,
        decp.notification_date as decp_notification_date,
        {{ decp_publication_due_date('coalesce(decp.notification_date, erp.notification_date)') }}
            as publication_due_date,
        erp.notification_date = decp.notification_date as notification_date_matches,
        erp.amount_ht as erp_amount_ht,
        decp.amount as decp_amount,
        abs(erp.amount_ht - decp.amount) <= {{ tolerance }} as amount_matches,
        erp.holder_siret as erp_titulaire_siret,
        decp.holder_siret as decp_titulaire_siret,
        erp.holder_siret = decp.holder_siret as titulaire_matches,
        erp.has_social as erp_has_social_consideration,
        decp.has_social_consideration as decp_has_social_consideration,
        erp.has_social = decp.has_social_consideration as social_consideration_matches,
        erp.has_environmental as erp_has_environmental_consideration,
        decp.has_environmental_consideration as decp_has_environmental_consideration,
        erp.has_environmental = decp.has_environmental_consideration as environmental_consideration_matches,
        erp.is_framework_agreement as erp_is_framework_agreement,
        decp.is_framework_agreement as decp_is_framework_agreement,
        erp.is_framework_agreement = decp.is_framework_agreement as framework_matches,
        modified.erp_total_at_modification as erp_total_at_modification_ht,
        modified.decp_modified_amount,
        abs(modified.erp_total_at_modification - modified.decp_modified_amount) <= {{ tolerance }}
            as modified_amount_matches
    from published
    inner join erp
        on published.filiale_code = erp.filiale_code and published.contract_id = erp.contract_id
    left join {{ ref('int_decp_records_matched') }} as decp
        on
            {{ same_decp_record('published', 'decp') }}
    left join modified
        on published.filiale_code = modified.filiale_code and published.contract_id = modified.contract_id
)

select
    *,
    {#- At least one check false; null when unpublished. #}
    case
        when published
            then coalesce(
                    not (
                        notification_date_matches and amount_matches and titulaire_matches
                        and social_consideration_matches and environmental_consideration_matches
                        and framework_matches and modified_amount_matches
                    ),
                    false
                )
    end as is_inconsistent
from checked
