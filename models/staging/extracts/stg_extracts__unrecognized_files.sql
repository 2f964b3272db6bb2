{#- The files and folders of a filiale folder that match no pattern of the
    contract, from the raw layer's inventory. -#}
select
    filiale_code,
    source_file,
    source_path,
    kind
from {{ source('extracts', 'unrecognized_files') }}
