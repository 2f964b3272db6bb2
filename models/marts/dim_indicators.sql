{#- The indicator catalogue as BI tools and auditors read it, one row per
    indicator: where it sits in the Spaser, its unit, the sense in which it
    improves, the group's target and its French definition (the text of its
    docs block, macro indicator_definitions). -#}
with group_targets as (
    select * from {{ ref('indicator_targets') }}
    where filiale_code is null
),

indicators as (
    select
        catalogue.*,
        group_targets.comparison as target_comparison,
        group_targets.target_value as target
    from {{ ref('int_indicator_catalogue_labelled') }} as catalogue
    left join group_targets
        on catalogue.indicator_code = group_targets.indicator_code
)

{{ contract_select('indicators') }}
