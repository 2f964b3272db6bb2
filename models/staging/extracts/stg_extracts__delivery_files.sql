{#- The files of the delivery, one row each, from the raw layer's inventory:
    the one door through which the models read it (a source is read by
    staging only). -#}
select
    filiale_code,
    extract,
    source_file,
    source_path,
    encoding,
    line_ending,
    missing_optional_columns,
    is_demo_delivery
from {{ source('extracts', 'delivery_files') }}
