{#- The data-quality findings of the registries, in the shape of
    fct_data_quality, which lists them: ERP and registry disagreeing (both
    values, the spend they move), invoices dated after their establishment
    closed, spend of suppliers missing from the fournisseurs extract that the
    registries classified, and registry rows ignored for a malformed key or
    an unreadable ESUS date. The registries are the group's: an ignored row
    is listed under every filiale, year empty, and moves no figure (no valid
    SIRET can match it). The closure and registry-only families are models of
    their own, each with its unit test: this one reads no spend line, only
    the disagreements it counts and the families it lists. -#}
with disagreements as (
    select
        filiale_code,
        spend_year as year,
        'registry_disagreement' as finding,
        'fournisseurs' as extract,
        case classification when 'sme' then 'PME' when 'local' then 'local' else 'ESS' end
        || ' : ERP ' || erp_value || ', ' || registry || ' ' || registry_value as detail,
        count(*) as rows_count,
        sum(spend_amount_ht) as amount_ht,
        [case classification when 'sme' then 'O8_1' when 'local' then 'O9_3' else 'O6_1' end] as affected_indicators
    from {{ ref('int_registry_disagreements') }}
    group by all
),

findings as (
    select * from disagreements
    union all
    select * from {{ ref('int_registry_closure_findings') }}
    union all
    select * from {{ ref('int_registry_only_findings') }}
    union all
    select
        filiales.filiale_code,
        null as year,
        ignored_rows.finding,
        ignored_rows.extract,
        ignored_rows.detail,
        ignored_rows.rows_count,
        null as amount_ht,
        [] as affected_indicators
    from {{ ref('stg_extracts__filiales') }} as filiales
    cross join {{ ref('int_registry_ignored_rows') }} as ignored_rows
)

select
    filiale_code::varchar as filiale_code,
    year::integer as year,
    finding::varchar as finding,
    extract::varchar as extract,
    detail::varchar as detail,
    rows_count::bigint as rows_count,
    amount_ht::double as amount_ht,
    affected_indicators::varchar[] as affected_indicators
from findings
