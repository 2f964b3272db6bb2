{#- An operation counts when at least one of its contracts (cancelled ones
    excepted, whatever their notification date) has the BIOSOURCE clause. -#}
with biosourced_operations as (
    select distinct
        filiale_code,
        operation_id
    from {{ ref('int_contracts_retained') }}
    where list_contains(clauses, 'BIOSOURCE')
),

operations_started as (
    select
        operations.*,
        year(operations.works_start_date) as year,
        operations.operation_id as business_key,
        biosourced.operation_id is not null as has_biosourced_contract,
        case when biosourced.operation_id is not null then 1 else 0 end as numerator_contribution,
        1 as denominator_contribution
    from {{ ref('stg_extracts__operations') }} as operations
    left join biosourced_operations as biosourced
        on
            operations.filiale_code = biosourced.filiale_code
            and operations.operation_id = biosourced.operation_id
    where
        operations.operation_type in ('CONSTRUCTION_NEUVE', 'REHABILITATION')
        and operations.works_start_date is not null
)

select {{ evidence_columns('O5_2', 'operations', ['works_start_date', 'operation_type', 'has_biosourced_contract']) }}
from operations_started
