{#- The DECP files of the delivery, one row each: what the intermediate and
    mart models read to tell a filiale without DECP (unknown) from one whose
    DECP lists no contract. -#}
select
    filiale_code,
    source_file,
    source_path
from {{ ref('base_decp__files') }}
