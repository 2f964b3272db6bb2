{#- The contracts notified in the year give the denominator; all their
    amendments, whatever their own date, give the numerator. -#}
with contracts as (
    select * from {{ ref('int_contracts_retained') }}
),

initial_amounts as (
    select
        *,
        notification_year as year,
        contract_id as business_key,
        0 as numerator_contribution,
        amount_ht as denominator_contribution
    from contracts
),

amendment_amounts as (
    -- Inner join: the amendments of a cancelled or unknown contract do not count.
    select
        amendments.*,
        contracts.notification_year as year,
        amendments.amendment_id as business_key,
        amendments.amount_ht as numerator_contribution,
        0 as denominator_contribution
    from {{ ref('stg_extracts__amendments') }} as amendments
    inner join contracts
        on
            amendments.filiale_code = contracts.filiale_code
            and amendments.contract_id = contracts.contract_id
)

select {{ evidence_columns('O1_5', 'marches', ['notification_date', 'amount_ht']) }}
from initial_amounts

union all

select {{ evidence_columns('O1_5', 'avenants', ['contract_id', 'notification_date', 'amount_ht']) }}
from amendment_amounts
