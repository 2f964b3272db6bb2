{#- Spend of a year: invoices and credit notes dated (date_facture) in the
    year, cancelled ones left out, a credit note counted -abs(montant_ht)
    whatever its exported sign. Each line carries its contract (when known
    and not cancelled) and its supplier's classification with the source
    that decided it (unclassified when the SIRET is invalid, or unknown to
    the filiale's suppliers and to the registries). ESS is decided on the
    invoice date: an ESUS agreement counts only while it is valid. -#}
{%- set on_invoice_date = esus_agreement_valid_on('invoices.invoice_date') %}

select
    invoices.filiale_code,
    invoices.invoice_id,
    year(invoices.invoice_date) as spend_year,
    invoices.document_type,
    case
        when invoices.document_type = 'Avoir' then -abs(invoices.amount_ht)
        else invoices.amount_ht
    end as spend_amount_ht,
    invoices.contract_id as declared_contract_id,
    contracts.contract_id,
    contracts.segment as contract_segment,
    coalesce(contracts.is_framework_agreement, false) as is_framework_agreement,
    invoices.supplier_siret,
    suppliers.siret is not null as is_known_supplier,
    coalesce(suppliers.is_sme, false) as is_sme_supplier,
    coalesce(suppliers.is_local, false) as is_local_supplier,
    coalesce({{ supplier_is_ess(on_invoice_date, 'suppliers.is_ess') }}, false) as is_ess_supplier,
    invoices.source_file,
    invoices.line_number,
    suppliers.sme_source,
    suppliers.departement_source,
    {{ supplier_ess_source(on_invoice_date, 'suppliers.ess_source') }} as ess_source,
    invoices.invoice_date
from {{ ref('stg_extracts__invoices') }} as invoices
left join {{ ref('int_contracts_retained') }} as contracts
    on
        invoices.filiale_code = contracts.filiale_code
        and invoices.contract_id = contracts.contract_id
left join {{ ref('int_suppliers_classified') }} as suppliers
    on
        invoices.filiale_code = suppliers.filiale_code
        and invoices.supplier_siret = suppliers.siret
where invoices.invoice_status <> 'Annulée'
