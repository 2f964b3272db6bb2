{#- Spend whose links did not hold: a supplier nobody could classify (its
    spend counts in the totals, not as SME, local or ESS), and invoices citing
    a contract unknown to the filiale or cancelled (spend outside contracts). -#}
with spend as (
    select
        spend.*,
        invoices.has_invalid_supplier_siret,
        contracts.contract_status as declared_contract_status
    from {{ ref('int_spend_lines') }} as spend
    inner join {{ ref('stg_extracts__invoices') }} as invoices
        on spend.filiale_code = invoices.filiale_code and spend.invoice_id = invoices.invoice_id
    left join {{ ref('stg_extracts__contracts') }} as contracts
        on spend.filiale_code = contracts.filiale_code and spend.declared_contract_id = contracts.contract_id
    where not spend.is_known_supplier or (spend.declared_contract_id is not null and spend.contract_id is null)
)

select
    filiale_code,
    spend_year as year,
    'unclassified_supplier_spend' as finding,
    'factures' as extract,
    case
        when has_invalid_supplier_siret then 'SIRET fournisseur invalide'
        when supplier_siret is null then 'SIRET fournisseur absent'
        else 'SIRET absent des fournisseurs de la filiale'
    end as detail,
    count(*) as rows_count,
    sum(spend_amount_ht) as amount_ht,
    ['O6_1', 'O8_1', 'O9_3'] as affected_indicators
from spend
where not is_known_supplier
group by all

union all

select
    filiale_code,
    spend_year as year,
    case when declared_contract_status = 'Annulé' then 'cancelled_contract_spend' else 'unknown_contract_spend' end
        as finding,
    'factures' as extract,
    case
        when declared_contract_status = 'Annulé' then 'facture rattachée à un marché annulé : dépense hors marché'
        else 'marché inconnu de la filiale : dépense hors marché'
    end as detail,
    count(*) as rows_count,
    sum(spend_amount_ht) as amount_ht,
    ['O1_4', 'O6_2'] as affected_indicators
from spend
where declared_contract_id is not null and contract_id is null
group by all
