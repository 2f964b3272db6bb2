{#- An amendment of a contract unknown to the filiale (not kept in its
    `marches`) is rejected. -#}
with source as (
    select * from {{ source('extracts', 'avenants') }}
),

known_contracts as (
    select
        filiale_code,
        contract_id
    from {{ ref('base_extracts__contracts') }}
    {#- The kept contracts (stg_extracts__contracts), read from their base
        model: a base model reads no other entity's staging. #}
    where reject_reason is null
),

parsed as (
    select
        source.*,
        {{ staging_parsed_columns('avenants') }},
        known_contracts.contract_id is not null as is_known_contract
    from source
    left join known_contracts
        on
            source.filiale_code = known_contracts.filiale_code
            and source.id_marche = known_contracts.contract_id
),

checked as materialized (
    select
        *,
        {{ staging_row_reject_reason('avenants', {
            'id_marche': "case when not is_known_contract then 'unknown contract ''' || id_marche || '''' end"
        }) }} as row_reject_reason
    from parsed
),

duplicates as (
    {{ duplicate_keys('checked', staging_key('avenants')) }}
),

deduplicated as (
    {{ deduplicate('checked', 'duplicates', staging_key('avenants')) }}
)

select
    filiale_code,
    source_file,
    line_number,
    id_avenant as amendment_id,
    id_marche as contract_id,
    date_notification__parsed as notification_date,
    montant_ht__parsed as amount_ht,
    reject_reason,
    {{ staging_raw_values('avenants', 'reject_reason') }} as raw_values
from deduplicated
