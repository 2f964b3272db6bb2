{{ config(materialized='table') }}

with source as (
    select * from {{ ref('raw_factures') }}
),

parsed as (
    select
        *,
        {{ parse_code('type_piece', ['Facture', 'Avoir']) }} as document_type,
        {{ parse_date('date_facture') }} as invoice_date,
        {{ parse_date('date_reception') }} as reception_date,
        {{ parse_date('date_paiement') }} as payment_date,
        {{ parse_amount('montant_ht') }} as amount_ht,
        {{ parse_amount('montant_ttc') }} as amount_ttc,
        {{ parse_code('statut', ['Payée', 'À payer', 'Annulée']) }} as invoice_status
    from source
),

checked as (
    select
        *,
        coalesce(
            {{ reject_if_empty('id_facture') }},
            {{ reject_if_empty('type_piece') }},
            {{ reject_if_unknown_code('type_piece', 'document_type') }},
            {{ reject_if_empty('date_facture') }},
            {{ reject_if_invalid('date_facture', 'invoice_date', 'date') }},
            {{ reject_if_invalid('date_reception', 'reception_date', 'date') }},
            {{ reject_if_invalid('date_paiement', 'payment_date', 'date') }},
            {{ reject_if_empty('montant_ht') }},
            {{ reject_if_invalid('montant_ht', 'amount_ht', 'amount') }},
            {{ reject_if_invalid('montant_ttc', 'amount_ttc', 'amount') }},
            {{ reject_if_empty('statut') }},
            {{ reject_if_unknown_code('statut', 'invoice_status') }}
        ) as row_reject_reason
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    id_facture as invoice_id,
    {{ parse_siret('siret_fournisseur') }} as supplier_siret,
    siret_fournisseur is not null and {{ parse_siret('siret_fournisseur') }} is null as has_invalid_supplier_siret,
    id_marche as contract_id,
    document_type,
    invoice_date,
    reception_date,
    payment_date,
    amount_ht,
    amount_ttc,
    invoice_status,
    coalesce(row_reject_reason, {{ reject_if_duplicate(['id_facture']) }}) as reject_reason
from checked
