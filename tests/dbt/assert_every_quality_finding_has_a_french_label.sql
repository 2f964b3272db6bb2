{{ config(severity='error') }}
{#- A finding added to fct_data_quality without a French label shows its code
    to the reader: every finding needs one (seed data_quality_finding_labels). -#}
select distinct quality.finding
from {{ ref('fct_data_quality') }} as quality
anti join {{ ref('data_quality_finding_labels') }} as labels
    on quality.finding = labels.finding
