{#- The as-of date of the delivery, one row: what the figures of the latest
    year are partial at. The var spaser_as_of_date when it is set; otherwise
    the latest invoice date of the delivery that is not after the day of the
    build (an invoice dated later is an advance or a typing error, not a sign
    that its year has begun); the day of the build when no invoice qualifies.
    The day of the build is taken in Paris time, where the group closes its
    books; the var spaser_build_date fixes it for a reproducible rebuild. -#}
{%- set build_date = var('spaser_build_date')
    or run_started_at.astimezone(modules.pytz.timezone('Europe/Paris')).strftime('%Y-%m-%d') -%}

with settings as (
    select
        {{ sql_string(build_date) }}::date as build_date,
        nullif({{ sql_string(var('spaser_as_of_date') or '') }}, '')::date as as_of_date_var
),

latest_invoice as (
    select max(invoices.invoice_date) as invoice_date
    from {{ ref('stg_extracts__invoices') }} as invoices
    cross join settings
    where invoices.invoice_date <= settings.build_date
)

select
    coalesce(settings.as_of_date_var, latest_invoice.invoice_date, settings.build_date) as as_of_date,
    case
        when settings.as_of_date_var is not null then 'var'
        when latest_invoice.invoice_date is not null then 'latest_invoice'
        else 'build_date'
    end as as_of_date_source,
    settings.build_date
from settings
cross join latest_invoice
