{#- The SIRENs of the ESS France list that the delivery needs, once each
    (a `siret` column alone gives its first 9 digits). -#}
select
    key_value as siren,
    source_file,
    row_number_in_file
from {{ ref('base_registries__ess_france') }}
where has_well_formed_key
qualify row_number() over (partition by key_value order by source_file, row_number_in_file) = 1
