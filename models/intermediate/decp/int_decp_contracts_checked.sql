{#- Each contract in the DECP scope with its publication and, when it is
    published, each consistency check between its standing DECP record and
    the ERP, with both values; a check that cannot be made is null. The
    latest modification with an amount is a DECP rule of its own
    (int_decp_modifications_latest); the ERP's total at its date is set
    against it here, where the ERP contract is. -#}
{%- set tolerance = var('decp_amount_tolerance_eur') %}
{#- The checks of a value both sides state alike: (check, column on both
    sides, the value's name in the columns shown). -#}
{%- set same_value_checks = [
    ('titulaire', 'holder_siret', 'titulaire_siret'),
    ('social_consideration', 'has_social_consideration', 'has_social_consideration'),
    ('environmental_consideration', 'has_environmental_consideration', 'has_environmental_consideration'),
    ('framework', 'is_framework_agreement', 'is_framework_agreement'),
] %}
with published as (
    select * from {{ ref('int_decp_contracts_published') }}
),

erp as (
    select
        contracts.*,
        staged.holder_siret,
        {{ decp_has_any('contracts.social_considerations', social_consideration_codes()) }}
            as has_social_consideration,
        {{ decp_has_any('contracts.environmental_considerations', environmental_consideration_codes()) }}
            as has_environmental_consideration
    from {{ ref('int_contracts_retained') }} as contracts
    inner join {{ ref('stg_extracts__contracts') }} as staged
        on contracts.filiale_code = staged.filiale_code and contracts.contract_id = staged.contract_id
),

-- The latest modification of the standing record, and the ERP's total at its date: the
-- resulting total of the last amendment notified up to that date, that date included
-- (int_decp_amendments_published), or the initial amount before any; unknown without the date.
modified as (
    select
        published.filiale_code,
        published.contract_id,
        latest.decp_modified_amount,
        case
            when latest.modification_notification_date is not null
                then coalesce(amendments.resulting_total_ht, erp.amount_ht)
        end as erp_total_at_modification
    from published
    inner join {{ ref('int_decp_modifications_latest') }} as latest
        on
            {{ same_decp_record('published', 'latest') }}
    inner join erp
        on published.filiale_code = erp.filiale_code and published.contract_id = erp.contract_id
    asof left join {{ ref('int_decp_amendments_published') }} as amendments
        on
            published.filiale_code = amendments.filiale_code
            and published.contract_id = amendments.contract_id
            and latest.modification_notification_date >= amendments.notification_date
    where published.published
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
        {%- for check, column, value in same_value_checks %}
            erp.{{ column }} as erp_{{ value }},
            decp.{{ column }} as decp_{{ value }},
            erp.{{ column }} = decp.{{ column }} as {{ check }}_matches,
        {%- endfor %}
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
                        notification_date_matches and amount_matches
                        {%- for check, _, _ in same_value_checks %}
                            and {{ check }}_matches
                        {%- endfor %}
                        and modified_amount_matches
                    ),
                    false
                )
    end as is_inconsistent
from checked
