{#- The evidence rows of the builds the retention keeps them for (by default the
    last one): what the next build compares its own with. -#}
select
    build_id,
    filiale_code,
    year,
    indicator_code,
    extract,
    business_key,
    source_file,
    line_number,
    numerator_contribution,
    denominator_contribution
from {{ source('history', 'indicator_evidence') }}
