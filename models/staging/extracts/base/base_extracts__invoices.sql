with {{ staging_validated_rows('factures') }}

select
    filiale_code,
    source_file,
    line_number,
    id_facture as invoice_id,
    siret_fournisseur__parsed as supplier_siret,
    siret_fournisseur is not null and siret_fournisseur__parsed is null as has_invalid_supplier_siret,
    id_marche as contract_id,
    type_piece__parsed as document_type,
    date_facture__parsed as invoice_date,
    date_reception__parsed as reception_date,
    date_paiement__parsed as payment_date,
    montant_ht__parsed as amount_ht,
    montant_ttc__parsed as amount_ttc,
    statut__parsed as invoice_status,
    reject_reason,
    {{ staging_raw_values('factures', 'reject_reason') }} as raw_values
from deduplicated
