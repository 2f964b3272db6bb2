{#- Each kept DECP record of a filiale, read as the rules need it: whether
    its buyer is the filiale (SIRET starting with the filiale's SIREN; any
    buyer when the filiale has no SIREN); whether a later publication of the
    same identifier by the same buyer supersedes it; the ERP contract of the
    filiale it publishes (identifiers compared stripped, ignoring case; a
    cancelled contract is still an ERP contract); and what it states: the
    first holder's SIRET (type `SIRET` and 14 digits), a social or an
    environmental consideration (unknown when the list is absent), a
    framework agreement (nature or technique `Accord-cadre`; unknown when
    both are absent). -#}
with records as (
    select
        records.*,
        lower(trim(records.contract_id)) as contract_key,
        coalesce(starts_with(records.buyer_siret, filiales.siren), filiales.siren is null) as is_filiale_buyer
    from {{ ref('stg_decp__contracts') }} as records
    inner join {{ ref('stg_extracts__filiales') }} as filiales
        on records.filiale_code = filiales.filiale_code
),

ranked as (
    select
        *,
        {#- "Latest" is by publication date. A republication that adds a
            modification keeps its first date: on that tie the record whose
            modifications were published last stands, then the one with more
            modifications, then the file whose name sorts last ignoring case
            (decp.md, « Real files »), then the later position. #}
        row_number() over (
            partition by filiale_code, contract_key, buyer_siret
            order by
                publication_date desc nulls last,
                latest_modification_publication desc nulls last,
                len(modifications) desc,
                lower(source_file) desc,
                source_file desc,
                line_number desc
        ) > 1 as is_superseded
    from (
        select
            *,
            list_max([
                {{ decp_date(decp_text('modification', '$.datePublicationDonneesModification')) }}
                for modification in modifications
            ]) as latest_modification_publication
        from records
    )
)

select
    ranked.filiale_code,
    ranked.source_file,
    ranked.line_number,
    ranked.contract_id,
    ranked.contract_key,
    ranked.buyer_siret,
    ranked.is_filiale_buyer,
    ranked.is_superseded,
    ranked.notification_date,
    year(ranked.notification_date) as notification_year,
    ranked.publication_date,
    ranked.amount,
    case
        when upper(ranked.first_holder_id_type) = 'SIRET'
            and regexp_full_match({{ clean_siret('ranked.first_holder_id') }}, '[0-9]{14}')
            then {{ clean_siret('ranked.first_holder_id') }}
    end as holder_siret,
    {{ decp_has_any('ranked.social_considerations', social_consideration_codes()) }} as has_social_consideration,
    {{ decp_has_any('ranked.environmental_considerations', environmental_consideration_codes()) }}
        as has_environmental_consideration,
    case
        when ranked.nature is not null or ranked.techniques is not null
            then coalesce({{ normalize_code('ranked.nature') }} = 'accord-cadre', false)
                or coalesce({{ decp_has_any('ranked.techniques', ['Accord-cadre']) }}, false)
    end as is_framework_agreement,
    erp.contract_id as erp_contract_id
from ranked
left join {{ ref('stg_extracts__contracts') }} as erp
    on
        ranked.filiale_code = erp.filiale_code
        and ranked.contract_key = lower(trim(erp.contract_id))
        and ranked.is_filiale_buyer
{#- Two ERP identifiers that differ only by case: the exact spelling wins. #}
qualify row_number() over (
        partition by ranked.filiale_code, ranked.source_file, ranked.line_number
        order by erp.contract_id = trim(ranked.contract_id) desc nulls last, erp.contract_id
    ) = 1
