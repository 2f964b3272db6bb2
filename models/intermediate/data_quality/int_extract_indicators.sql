{#- The indicators that read each extract (catalogue's required_extracts), in
    catalogue order: what a rejected row or an absent extract may affect. -#}
with by_extract as (
    select
        unnest(string_split(required_extracts, '|')) as extract,
        indicator_code,
        sort_order
    from {{ ref('indicator_catalogue') }}
)

select
    extract,
    list(indicator_code order by sort_order) as indicator_codes
from by_extract
group by extract
