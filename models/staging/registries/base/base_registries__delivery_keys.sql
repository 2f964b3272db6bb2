{{ config(materialized='table') }}

{#- The SIRETs the delivery names (kept suppliers and the valid supplier
    SIRETs of kept invoices) and their SIRENs: the only registry rows the
    build reads are theirs. The kept rows are read from the base models
    (a base model reads no other entity's staging). -#}
select distinct
    sirets.siret,
    left(sirets.siret, 9) as siren
from (
    select siret from {{ ref('base_extracts__suppliers') }}
    where reject_reason is null
    union all
    select supplier_siret as siret from {{ ref('base_extracts__invoices') }}
    where reject_reason is null and supplier_siret is not null
) as sirets
