{#- The evidence rows of the builds the retention keeps them for (by default the
    last one): what the next build compares its own with. -#}
select {{- history_columns('indicator_evidence') }}
from {{ source('history', 'indicator_evidence') }}
