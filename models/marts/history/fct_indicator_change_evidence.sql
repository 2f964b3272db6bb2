{#- Which rows moved a changed filiale figure: the evidence rows that entered
    (entree), left (sortie) or changed contribution (modifiee) between the
    previous published build and this one, by business key within the cell,
    with the file and line of each side. The rows of a key add up (an invoice
    on two lines is one key). A group figure moves by its filiales' rows. -#}

{#- A business key's rows on one side of the comparison, with the side. -#}
{%- set side_rows %}
        evidence.filiale_code,
        evidence.year,
        evidence.indicator_code,
        evidence.extract,
        evidence.business_key,
        evidence.numerator_contribution,
        evidence.denominator_contribution,
        evidence.source_file,
        evidence.line_number
{%- endset %}
with changes as (
    select * from {{ ref('int_indicator_changes_classified') }}
    where scope = 'filiale'
),

{# Both sides in one relation, compared by one aggregate per key and indicator
    (macro partition_predicates): a full outer join of the two aggregated sides, all
    indicators at once, ran out of the group's 4 GB when every cell had changed
    (85 M rows: a build compared with another delivery's). #}
sides as (
    select
        true as is_current,
        {{ side_rows }}
    from {{ ref('int_indicator_evidence') }} as evidence
    inner join changes
        on
            {{ same_cell('evidence', 'changes') }}
    union all
    select
        false as is_current,
        {{ side_rows }}
    from {{ ref('stg_history__indicator_evidence') }} as evidence
    inner join changes
        on
            evidence.build_id = changes.previous_build_id
            and {{ same_cell('evidence', 'changes') }}
),

{# By business key, one indicator at a time: an empty and a missing business key
    are the same key on both sides. #}
compared as (
    {%- for partition in partition_predicates('indicator_code', indicator_codes()) %}
        select
            filiale_code,
            year,
            indicator_code,
            extract,
            coalesce(
                min(business_key) filter (where is_current),
                min(business_key) filter (where not is_current)
            ) as business_key,
            bool_or(is_current) as in_current,
            bool_or(not is_current) as in_previous,
            sum(numerator_contribution) filter (where not is_current) as previous_numerator_contribution,
            sum(numerator_contribution) filter (where is_current) as numerator_contribution,
            sum(denominator_contribution) filter (where not is_current) as previous_denominator_contribution,
            sum(denominator_contribution) filter (where is_current) as denominator_contribution,
            min(source_file) filter (where not is_current) as previous_source_file,
            min(line_number) filter (where not is_current) as previous_line_number,
            min(source_file) filter (where is_current) as source_file,
            min(line_number) filter (where is_current) as line_number
        from sides
        where ({{ partition }})
        group by filiale_code, year, indicator_code, extract, coalesce(business_key, '')
        {% if not loop.last -%}
            union all
        {%- endif %}
    {%- endfor %}
),

moved as (
    select
        compared.*,
        changes.change_kind,
        case
            when not compared.in_previous then 'entree'
            when not compared.in_current then 'sortie'
            else 'modifiee'
        end as movement,
        changes.previous_build_id,
        changes.build_id
    from compared
    inner join changes
        on
            {{ same_cell('compared', 'changes') }}
    where
        not compared.in_previous
        or not compared.in_current
        or compared.numerator_contribution is distinct from compared.previous_numerator_contribution
        or compared.denominator_contribution is distinct from compared.previous_denominator_contribution
)

{{ contract_select('moved') }}
