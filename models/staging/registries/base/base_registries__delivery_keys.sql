{{ config(materialized='table') }}

{#- The SIRETs the delivery names (kept suppliers and the valid supplier
    SIRETs of kept invoices) and their SIRENs: the only registry rows the
    build reads are theirs. -#}
select distinct
    sirets.siret,
    left(sirets.siret, 9) as siren
from (
    select siret from {{ ref('stg_extracts__suppliers') }}
    union all
    select supplier_siret as siret from {{ ref('stg_extracts__invoices') }}
    where supplier_siret is not null
) as sirets
