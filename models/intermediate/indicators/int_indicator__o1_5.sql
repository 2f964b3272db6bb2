{#- The contracts notified in the year give the denominator; all their
    amendments, whatever their own date, give the numerator. -#}
with contracts as (
    select * from {{ ref('int_contracts') }}
),

amendments as (
    select
        amendments.*,
        contracts.notification_year
    from {{ ref('stg_extracts__amendments') }} as amendments
    inner join contracts
        on
            amendments.filiale_code = contracts.filiale_code
            and amendments.contract_id = contracts.contract_id
)

select {{ evidence_columns('O1_5', 'marches', 'notification_year', 'contract_id', 0, 'amount_ht') }}
from contracts

union all

select {{ evidence_columns('O1_5', 'avenants', 'notification_year', 'amendment_id', 'amount_ht', 0) }}
from amendments
