{#- What the DECP tell the auditor about the ERP data and the DECP files,
    per filiale and year, in the columns of fct_data_quality. A
    consideration that the DECP and the ERP state differently is a finding
    on O1_3 (social) or O1_2 (environmental) only for a contract those
    indicators count (at or above the var `large_contract_threshold_eur`):
    they read the ERP's side. -#}
with checked as (
    select *
    from {{ ref('int_decp_contracts_checked') }}
    where erp_amount_ht >= {{ var('large_contract_threshold_eur') }}
),

mismatches as (
    select
        filiale_code,
        year,
        'decp_social_consideration_mismatch' as finding,
        case
            when erp_has_social_consideration then 'considération sociale à l''ERP, absente des DECP'
            else 'considération sociale publiée aux DECP, absente de l''ERP'
        end as detail,
        erp_amount_ht as amount,
        ['O1_3'] as affected_indicators
    from checked
    where not social_consideration_matches
    union all
    select
        filiale_code,
        year,
        'decp_environmental_consideration_mismatch' as finding,
        case
            when erp_has_environmental_consideration then 'considération environnementale à l''ERP, absente des DECP'
            else 'considération environnementale publiée aux DECP, absente de l''ERP'
        end as detail,
        erp_amount_ht as amount,
        ['O1_2'] as affected_indicators
    from checked
    where not environmental_consideration_matches
),

records as (
    select
        records.filiale_code,
        records.notification_year as year,
        case
            when records.is_superseded then 'decp_superseded_record'
            when contracts.contract_status = 'Annulé' then 'decp_record_of_cancelled_contract'
            else 'decp_record_without_contract'
        end as finding,
        case
            when records.is_superseded
                then 'identifiant republié par le même acheteur : seule la publication la plus récente compte'
            when contracts.contract_status = 'Annulé' then 'marché publié aux DECP mais annulé à l''ERP'
            when records.buyer_siret is null then 'acheteur non identifié (pas de SIRET acheteur)'
            when not records.is_filiale_buyer then 'acheteur d''une autre entité que la filiale (SIRET hors de son SIREN)'
            else 'identifiant absent des marchés de l''ERP'
        end as detail,
        records.amount,
        []::varchar[] as affected_indicators
    from {{ ref('int_decp_records_matched') }} as records
    left join {{ ref('stg_extracts__contracts') }} as contracts
        on records.filiale_code = contracts.filiale_code and records.erp_contract_id = contracts.contract_id
    where records.is_superseded or records.erp_contract_id is null or contracts.contract_status = 'Annulé'
),

findings as (
    select * from mismatches
    union all
    select * from records
)

select
    filiale_code,
    year,
    finding,
    'decp' as extract,
    detail,
    count(*) as rows_count,
    sum(amount)::double as amount_ht,
    affected_indicators
from findings
group by all

union all

{#- Concession contracts are not contracts of the perimeter: each file says
    how many it held, so that records read = contracts + concessions + rejects. #}
select
    filiale_code,
    null::integer as year,
    'decp_concessions_ignored' as finding,
    'decp' as extract,
    source_file || ' : contrats de concession ignorés (hors du périmètre des marchés)' as detail,
    count(*) as rows_count,
    null::double as amount_ht,
    []::varchar[] as affected_indicators
from {{ ref('base_decp__records') }}
where is_concession
group by filiale_code, source_file
