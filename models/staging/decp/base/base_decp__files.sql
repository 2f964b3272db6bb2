{#- The DECP files of the delivery (decp*.json, any case, in the folder of a
    filiale of filiales.csv), from the raw layer's inventory. -#}
select
    filiale_code,
    source_file,
    source_path
from {{ source('decp', 'files') }}
