{#- One row per modification of a kept DECP record, in its list order;
    `montant` is the contract's new total, not a difference. -#}
with listed as (
    select
        contracts.filiale_code,
        contracts.source_file,
        contracts.line_number,
        contracts.contract_id,
        unnested.modification,
        unnested.modification_position
    from {{ ref('base_decp__contracts') }} as contracts,
        unnest(contracts.modifications) with ordinality as unnested (modification, modification_position)
    {#- The kept records (stg_decp__contracts), read from their base model. #}
    where contracts.reject_reason is null
)

select
    filiale_code,
    source_file,
    line_number,
    contract_id,
    modification_position::bigint as modification_position,
    {{ decp_text('modification', '$.id') }} as modification_id,
    {#- Dated only by its signature, a modification takes it as its notification date. #}
    {{ decp_date(
        'coalesce(' ~ decp_text('modification', '$.dateNotificationModification') ~ ', '
        ~ decp_text('modification', '$.dateSignatureModification') ~ ')'
    ) }} as notification_date,
    {{ decp_date(decp_text('modification', '$.datePublicationDonneesModification')) }} as publication_date,
    {{ decp_amount("modification -> '$.montant'") }} as amount
from listed
