{#- What was set aside or assumed, per filiale and year, and which indicators
    it affects: the auditor's list of limitations behind the figures. A
    rejected row has no trusted date, so its year is null. -#}
with catalogue as (
    select
        indicator_code,
        sort_order,
        string_split(required_extracts, '|') as required_extracts
    from {{ ref('indicator_catalogue') }}
),

rejects as (
    select
        filiale_code,
        null::integer as year,
        'rejected_row' as finding,
        extract,
        reason_kind as detail,
        count(*) as rows_count,
        null::double as amount_ht
    from {{ ref('audit_rejected_rows') }}
    group by all
),

spend as (
    select * from {{ ref('int_spend_lines') }}
),

contracts as (
    select
        filiale_code,
        contract_id,
        contract_status
    from {{ ref('stg_extracts__contracts') }}
),

payment_findings as (
    select
        filiale_code,
        payment_year as year,
        case
            when is_paid_before_receipt then 'paid_before_receipt'
            else 'reception_date_assumed'
        end as finding,
        'factures' as extract,
        case
            when is_paid_before_receipt then 'paiement antérieur à la réception : facture écartée de O3_1 et O3_2'
            else 'date de réception absente : réputée date de facture + {{ var("reception_fallback_days") }} jours'
        end as detail,
        count(*) as rows_count,
        null::double as amount_ht
    from {{ ref('int_paid_invoices') }}
    where is_paid_before_receipt or is_reception_date_assumed
    group by all
),

supplier_findings as (
    select
        spend.filiale_code,
        spend.spend_year as year,
        'unclassified_supplier_spend' as finding,
        'factures' as extract,
        case
            when invoices.has_invalid_supplier_siret then 'SIRET fournisseur invalide'
            when spend.supplier_siret is null then 'SIRET fournisseur absent'
            else 'SIRET absent des fournisseurs de la filiale'
        end as detail,
        count(*) as rows_count,
        sum(spend.spend_amount_ht) as amount_ht
    from spend
    inner join {{ ref('stg_extracts__invoices') }} as invoices
        on spend.filiale_code = invoices.filiale_code and spend.invoice_id = invoices.invoice_id
    where not spend.is_known_supplier
    group by all
),

contract_findings as (
    select
        spend.filiale_code,
        spend.spend_year as year,
        case
            when contracts.contract_status = 'Annulé' then 'cancelled_contract_spend'
            else 'unknown_contract_spend'
        end as finding,
        'factures' as extract,
        case
            when contracts.contract_status = 'Annulé'
                then 'facture rattachée à un marché annulé : dépense hors marché'
            else 'marché inconnu de la filiale : dépense hors marché'
        end as detail,
        count(*) as rows_count,
        sum(spend.spend_amount_ht) as amount_ht
    from spend
    left join contracts
        on spend.filiale_code = contracts.filiale_code and spend.declared_contract_id = contracts.contract_id
    where spend.declared_contract_id is not null and spend.contract_id is null
    group by all
),

link_findings as (
    select
        contracts.filiale_code,
        year(contracts.notification_date) as year,
        'contract_unknown_operation' as finding,
        'marches' as extract,
        'opération inconnue de la filiale : marché lié à aucune opération' as detail,
        count(*) as rows_count,
        sum(contracts.amount_ht)::double as amount_ht
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
        sum(amendments.amount_ht)::double as amount_ht
    from {{ ref('stg_extracts__amendments') }} as amendments
    inner join {{ ref('stg_extracts__contracts') }} as contracts
        on amendments.filiale_code = contracts.filiale_code and amendments.contract_id = contracts.contract_id
    where contracts.contract_status = 'Annulé'
    group by all
),

housing as (
    select * from {{ ref('int_housing_snapshot') }}
),

housing_gaps as (
    select
        filiale_code,
        snapshot_year,
        'chauffage collectif sans vecteur énergétique' as detail
    from housing
    where heating_mode = 'Collectif' and heating_energy is null
    union all
    select
        filiale_code,
        snapshot_year,
        'ECS sans vecteur énergétique' as detail
    from housing
    where hot_water_mode in ('Collectif', 'Individuel') and hot_water_energy is null
    union all
    select
        filiale_code,
        snapshot_year,
        'réseau de chaleur sans taux EnR&R' as detail
    from housing
    where (heating_energy = 'RCU' or hot_water_energy = 'RCU') and heat_network_renewable_pct is null
),

housing_findings as (
    select
        filiale_code,
        snapshot_year as year,
        'housing_without_energy_vector' as finding,
        'logements' as extract,
        detail,
        count(*) as rows_count,
        null::double as amount_ht
    from housing_gaps
    group by all
),

fleet_findings as (
    select
        filiale_code,
        year,
        'vehicle_without_co2' as finding,
        'vehicules' as extract,
        'CO2 WLTP absent : classement selon le code énergie' as detail,
        count(*) as rows_count,
        null::double as amount_ht
    from {{ ref('int_fleet_year_end') }}
    where is_co2_missing
    group by all
),

affected as (
    select
        finding,
        detail,
        indicator_codes
    from (
        values
        ('paid_before_receipt', null, ['O3_1', 'O3_2']),
        ('reception_date_assumed', null, ['O3_1', 'O3_2']),
        ('unclassified_supplier_spend', null, ['O6_1', 'O8_1', 'O9_3']),
        ('cancelled_contract_spend', null, ['O1_4', 'O6_2']),
        ('unknown_contract_spend', null, ['O1_4', 'O6_2']),
        ('housing_without_energy_vector', 'chauffage collectif sans vecteur énergétique', ['O4_1']),
        ('housing_without_energy_vector', 'ECS sans vecteur énergétique', ['O4_2']),
        ('housing_without_energy_vector', 'réseau de chaleur sans taux EnR&R', ['O4_1', 'O4_2']),
        ('vehicle_without_co2', null, ['O4_4']),
        ('contract_unknown_operation', null, ['O5_1', 'O5_2', 'O5_3']),
        ('amendment_of_cancelled_contract', null, ['O1_5'])
    ) as known_findings (finding, detail, indicator_codes)  -- noqa: AL05
),

absent_extracts as (
    select
        filiales.filiale_code,
        years.year,
        'absent_extract' as finding,
        extracts.extract,
        'extraction non livrée : indicateurs inconnus (nuls)' as detail,
        0 as rows_count,
        null::double as amount_ht
    from {{ ref('stg_extracts__filiales') }} as filiales
    cross join {{ ref('int_reporting_years') }} as years
    cross join (values {% for extract in filiale_extracts() %}('{{ extract }}'){{ ", " if not loop.last }}{% endfor %}) as extracts (extract)
    anti join {{ source('extracts', 'delivery_files') }} as files
        on filiales.filiale_code = files.filiale_code and extracts.extract = files.extract
),

by_extract as (
    select
        unnest(required_extracts) as extract,
        indicator_code,
        sort_order
    from catalogue
),

extract_indicators as (
    select
        extract,
        list(indicator_code order by sort_order) as indicator_codes
    from by_extract
    group by extract
)

select
    rows.filiale_code::varchar as filiale_code,
    rows.year::integer as year,
    rows.finding::varchar as finding,
    rows.extract::varchar as extract,
    rows.detail::varchar as detail,
    rows.rows_count::bigint as rows_count,
    rows.amount_ht::double as amount_ht,
    coalesce(
        affected_detail.indicator_codes,
        affected_finding.indicator_codes,
        extract_indicators.indicator_codes,
        []
    )::varchar[] as affected_indicators,
    coalesce(finding_labels.finding_label, rows.finding)::varchar as finding_label
from (
    select * from rejects
    union all
    select * from payment_findings
    union all
    select * from supplier_findings
    union all
    select * from contract_findings
    union all
    select * from link_findings
    union all
    select * from housing_findings
    union all
    select * from fleet_findings
    union all
    select * from {{ ref('int_ledger_quality_findings') }}
    union all
    select * from absent_extracts
) as rows
left join affected as affected_detail
    on rows.finding = affected_detail.finding and rows.detail = affected_detail.detail
left join affected as affected_finding
    on rows.finding = affected_finding.finding and affected_finding.detail is null
left join extract_indicators
    on rows.extract = extract_indicators.extract and rows.finding in ('rejected_row', 'absent_extract')
left join {{ ref('data_quality_finding_labels') }} as finding_labels
    on rows.finding = finding_labels.finding
