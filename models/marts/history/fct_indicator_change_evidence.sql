{#- Which rows moved a changed filiale figure: the evidence rows that entered
    (entree), left (sortie) or changed contribution (modifiee) between the
    previous published build and this one, by business key within the cell,
    with the file and line of each side. The rows of a key add up (an invoice
    on two lines is one key). A group figure moves by its filiales' rows. -#}

{#- One row per business key of a cell, on either side of the comparison. -#}
{%- set key_rows %}
        evidence.filiale_code,
        evidence.year,
        evidence.indicator_code,
        evidence.extract,
        evidence.business_key,
        sum(evidence.numerator_contribution) as numerator_contribution,
        sum(evidence.denominator_contribution) as denominator_contribution,
        min(evidence.source_file) as source_file,
        min(evidence.line_number) as line_number
{%- endset %}
with changes as (
    select * from {{ ref('fct_indicator_changes') }}
    where scope = 'filiale'
),

current_rows as (
    select {{ key_rows }}
    from {{ ref('fct_indicator_evidence') }} as evidence
    inner join changes
        on
            {{ same_cell('evidence', 'changes') }}
    group by all
),

previous_rows as (
    select {{ key_rows }}
    from {{ ref('stg_history__indicator_evidence') }} as evidence
    inner join changes
        on
            evidence.build_id = changes.previous_build_id
            and {{ same_cell('evidence', 'changes') }}
    group by all
),

compared as (
    select
        {{ either_side('current_rows', 'previous_rows', ['filiale_code', 'year', 'indicator_code', 'extract', 'business_key']) }},
        case
            when previous_rows.filiale_code is null then 'entree'
            when current_rows.filiale_code is null then 'sortie'
            else 'modifiee'
        end as movement,
        previous_rows.numerator_contribution as previous_numerator_contribution,
        current_rows.numerator_contribution,
        previous_rows.denominator_contribution as previous_denominator_contribution,
        current_rows.denominator_contribution,
        previous_rows.source_file as previous_source_file,
        previous_rows.line_number as previous_line_number,
        current_rows.source_file,
        current_rows.line_number
    from current_rows
    full outer join previous_rows
        on
            {{ same_cell('current_rows', 'previous_rows') }}
            and current_rows.extract = previous_rows.extract
            and coalesce(current_rows.business_key, '') = coalesce(previous_rows.business_key, '')
    where
        previous_rows.filiale_code is null
        or current_rows.filiale_code is null
        or current_rows.numerator_contribution
        is distinct from previous_rows.numerator_contribution
        or current_rows.denominator_contribution
        is distinct from previous_rows.denominator_contribution
)

select
    compared.filiale_code::varchar as filiale_code,
    compared.year::integer as year,
    compared.indicator_code::varchar as indicator_code,
    changes.change_kind::varchar as change_kind,
    compared.extract::varchar as extract,
    compared.business_key::varchar as business_key,
    compared.movement::varchar as movement,
    compared.previous_numerator_contribution::{{ contribution_type() }} as previous_numerator_contribution,
    compared.numerator_contribution::{{ contribution_type() }} as numerator_contribution,
    compared.previous_denominator_contribution::{{ contribution_type() }} as previous_denominator_contribution,
    compared.denominator_contribution::{{ contribution_type() }} as denominator_contribution,
    compared.previous_source_file::varchar as previous_source_file,
    compared.previous_line_number::bigint as previous_line_number,
    compared.source_file::varchar as source_file,
    compared.line_number::bigint as line_number,
    changes.previous_build_id::varchar as previous_build_id,
    changes.build_id::varchar as build_id
from compared
inner join changes
    on
        {{ same_cell('compared', 'changes') }}
