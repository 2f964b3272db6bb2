{#- Contract links that did not hold: a contract citing an operation unknown
    to the filiale (linked to none, so out of O5_1 to O5_3), and amendments
    of a cancelled contract (counted nowhere). -#}
select
    contracts.filiale_code,
    year(contracts.notification_date) as year,
    'contract_unknown_operation' as finding,
    'marches' as extract,
    'opération inconnue de la filiale : marché lié à aucune opération' as detail,
    count(*) as rows_count,
    sum(contracts.amount_ht)::double as amount_ht,
    ['O5_1', 'O5_2', 'O5_3'] as affected_indicators
from {{ ref('stg_extracts__contracts') }} as contracts
anti join {{ ref('stg_extracts__operations') }} as operations
    on contracts.filiale_code = operations.filiale_code and contracts.operation_id = operations.operation_id
where contracts.operation_id is not null and contracts.contract_status <> 'Annulé'
group by all

union all

select
    amendments.filiale_code,
    year(contracts.notification_date) as year,
    'amendment_of_cancelled_contract' as finding,
    'avenants' as extract,
    'avenant d''un marché annulé : compté nulle part' as detail,
    count(*) as rows_count,
    sum(amendments.amount_ht)::double as amount_ht,
    ['O1_5'] as affected_indicators
from {{ ref('stg_extracts__amendments') }} as amendments
inner join {{ ref('stg_extracts__contracts') }} as contracts
    on amendments.filiale_code = contracts.filiale_code and amendments.contract_id = contracts.contract_id
where contracts.contract_status = 'Annulé'
group by all
