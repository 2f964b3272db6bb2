{{ config(materialized='table') }}

with source as (
    select * from {{ ref('raw_avenants') }}
),

known_contracts as (
    select
        filiale_code,
        contract_id
    from {{ ref('stg_extracts__contracts') }}
),

parsed as (
    select
        source.*,
        {{ parse_date('date_notification') }} as notification_date,
        {{ parse_amount('montant_ht') }} as amount_ht,
        known_contracts.contract_id is not null as is_known_contract
    from source
    left join known_contracts
        on
            source.filiale_code = known_contracts.filiale_code
            and source.id_marche = known_contracts.contract_id
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_avenant') }},
            {{ reject_if_empty('id_marche') }},
            case when not is_known_contract then 'unknown contract ''' || id_marche || '''' end,
            {{ reject_if_empty('date_notification') }},
            {{ reject_if_invalid('date_notification', 'notification_date', 'date') }},
            {{ reject_if_empty('montant_ht') }},
            {{ reject_if_invalid('montant_ht', 'amount_ht', 'amount') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_avenant as amendment_id,
    id_marche as contract_id,
    notification_date,
    amount_ht,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_avenant']) }}) as reject_reason
from checked
