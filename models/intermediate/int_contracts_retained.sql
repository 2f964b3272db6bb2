{#- Contracts that count: every kept contract but the cancelled ones
    (`Annulé` counts nowhere), with their framework-agreement flag, whether
    they were awarded without publicity or competition (the route of art.
    R. 2122-9-1 CCP for innovative purchases, whatever the label's vintage or
    spelling), and the operation they are linked to when it is known. -#}
select
    contracts.filiale_code,
    contracts.contract_id,
    contracts.category,
    contracts.segment,
    year(contracts.notification_date) as notification_year,
    contracts.notification_date,
    contracts.amount_ht,
    contracts.reference_amount_ht,
    contracts.is_innovative,
    contracts.procedure_label,
    coalesce(
        contains(
            {{ normalize_code('contracts.procedure_label') }},
            {{ normalize_code("'" ~ var('without_publicity_procedure_marker') | replace("'", "''") ~ "'") }}
        ),
        false
    ) as is_awarded_without_publicity,
    list_contains(contracts.procurement_techniques, 'Accord-cadre')
    or contracts.framework_agreement_id is not null as is_framework_agreement,
    contracts.social_considerations,
    contracts.environmental_considerations,
    contracts.clauses,
    contracts.waste_recovery_target_pct,
    operations.operation_id,
    operations.operation_type,
    contracts.contract_status,
    contracts.source_file,
    contracts.line_number
from {{ ref('stg_extracts__contracts') }} as contracts
left join {{ ref('stg_extracts__operations') }} as operations
    on
        contracts.filiale_code = operations.filiale_code
        and contracts.operation_id = operations.operation_id
where contracts.contract_status <> 'Annulé'
