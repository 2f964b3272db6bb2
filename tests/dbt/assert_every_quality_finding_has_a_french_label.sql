{{ config(severity='warn') }}
{#- A finding added to fct_data_quality without a French label shows its code
    to the reader: a warning, not a stopped build. -#}
select distinct quality.finding
from {{ ref('fct_data_quality') }} as quality
anti join {{ ref('data_quality_finding_labels') }} as labels
    on quality.finding = labels.finding
