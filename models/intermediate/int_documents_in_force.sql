{#- Governance documents in force on 31 December of each reporting year:
    validated and published on or before that day, with a non-empty url,
    and not withdrawn on or before it. -#}
select
    years.year,
    documents.filiale_code,
    documents.document_id,
    documents.document_type,
    documents.validation_date,
    documents.publication_date,
    documents.url,
    documents.contact_email,
    documents.withdrawal_date,
    documents.source_file,
    documents.line_number
from {{ ref('int_reporting_years') }} as years
inner join {{ ref('stg_extracts__documents') }} as documents
    on
        documents.validation_date <= make_date(years.year, 12, 31)
        and documents.publication_date <= make_date(years.year, 12, 31)
        and documents.url is not null
        and (documents.withdrawal_date is null or documents.withdrawal_date > make_date(years.year, 12, 31))
