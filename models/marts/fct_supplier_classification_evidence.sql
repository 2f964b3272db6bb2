{{ config(materialized='view') }}

{#- For each spend line behind O6_1, O8_1 and O9_3 (the invoice row of
    fct_indicator_evidence: filiale, file, line), the supplier row it was
    classified by and the source of each classification. A view over the
    spend lines: the evidence is not stored twice. -#}
select
    spend.filiale_code,
    spend.spend_year as year,
    spend.invoice_id,
    spend.source_file,
    spend.line_number,
    spend.supplier_siret,
    spend.is_sme_supplier as is_sme,
    spend.sme_source,
    spend.is_local_supplier as is_local,
    suppliers.departement_code as departement,
    spend.departement_source,
    spend.is_ess_supplier as is_ess,
    spend.ess_source,
    suppliers.source_file as supplier_source_file,
    suppliers.line_number as supplier_line_number
from {{ ref('int_spend_lines') }} as spend
left join {{ ref('int_suppliers_classified') }} as suppliers
    on spend.filiale_code = suppliers.filiale_code and spend.supplier_siret = suppliers.siret
