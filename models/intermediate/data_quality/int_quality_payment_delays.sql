{#- Paid invoices whose delay rests on an assumption or cannot be right: a
    reception date taken as the invoice date plus the fallback days, or a
    payment before the reception (left out of O3_1 and O3_2). -#}
select
    filiale_code,
    payment_year as year,
    case when is_paid_before_receipt then 'paid_before_receipt' else 'reception_date_assumed' end as finding,
    'factures' as extract,
    case
        when is_paid_before_receipt then 'paiement antérieur à la réception : facture écartée de O3_1 et O3_2'
        else 'date de réception absente : réputée date de facture + {{ var("reception_fallback_days") }} jours'
    end as detail,
    count(*) as rows_count,
    null::double as amount_ht,
    ['O3_1', 'O3_2'] as affected_indicators
from {{ ref('int_paid_invoices') }}
where is_paid_before_receipt or is_reception_date_assumed
group by all
