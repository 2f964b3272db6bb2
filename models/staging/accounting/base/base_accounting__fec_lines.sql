{#- Every line of the FEC files, typed, with its reject reason: the first
    check that fails, field after field in the norm's order. Only the fields
    the rules read can reject a line (accounting-fec.md, « Real files »): a
    value of DateLet, ValidDate or Montantdevise that does not parse is read
    as empty and named in `unreadable_fields`, a data-quality finding. -#}
with source as (
    select * from {{ source('accounting', 'fec') }}
),

parsed as (
    select
        *,
        {{ parse_fec_date('ecrituredate') }} as ecrituredate__parsed,
        {{ parse_fec_date('piecedate') }} as piecedate__parsed,
        {{ parse_fec_amount('debit') }} as debit__parsed,
        {{ parse_fec_amount('credit') }} as credit__parsed,
        {{ parse_fec_date('datelet') }} as datelet__parsed,
        {{ parse_fec_date('validdate') }} as validdate__parsed,
        {{ parse_fec_amount('montantdevise') }} as montantdevise__parsed,
        {{ parse_fec_amount('montant') }} as montant__parsed,
        {{ parse_fec_direction('sens') }} as sens__parsed
    from source
),

checked as (
    select
        *,
        coalesce(
            reading_error,
            {{ fec_reject_if_empty('journalcode', 'JournalCode') }},
            {{ fec_reject_if_empty('ecriturenum', 'EcritureNum') }},
            {{ fec_reject_if_empty('ecrituredate', 'EcritureDate') }},
            {{ fec_reject_if_invalid('ecrituredate', 'date', 'EcritureDate') }},
            {{ fec_reject_if_empty('comptenum', 'CompteNum') }},
            {{ fec_reject_if_invalid('piecedate', 'date', 'PieceDate') }},
            {{ fec_reject_if_invalid('debit', 'amount', 'Debit') }},
            {{ fec_reject_if_invalid('credit', 'amount', 'Credit') }},
            {{ fec_reject_if_invalid('montant', 'amount', 'Montant') }},
            case
                when sens is not null and sens__parsed is null
                    then 'unknown coded value in ''Sens'': ' || sens
                when sens is null and montant__parsed <> 0 then 'required field ''Sens'' is empty'
            end
        ) as reject_reason,
        [
            field for field in [
                {%- for column, field in [('datelet', 'DateLet'), ('validdate', 'ValidDate'), ('montantdevise', 'Montantdevise')] %}
                    case when {{ column }} is not null and {{ column }}__parsed is null then '{{ field }}' end
                    {{- "," if not loop.last }}
                {%- endfor %}
            ]
            if field is not null
        ] as unreadable_fields
    from parsed
)

select
    filiale_code,
    source_file,
    line_number,
    journalcode as journal_code,
    journallib as journal_label,
    ecriturenum as entry_number,
    ecrituredate__parsed as entry_date,
    comptenum as account_number,
    comptelib as account_label,
    compauxnum as auxiliary_account_number,
    compauxlib as auxiliary_account_label,
    pieceref as piece_reference,
    piecedate__parsed as piece_date,
    ecriturelib as entry_label,
    {#- Empty amounts are 0; a Montant is a debit or a credit by its Sens. #}
    case
        when amount_columns = 'montant_sens' then case when sens__parsed = 'D' then coalesce(montant__parsed, 0) else 0 end
        else coalesce(debit__parsed, 0)
    end as debit_amount,
    case
        when amount_columns = 'montant_sens' then case when sens__parsed = 'C' then coalesce(montant__parsed, 0) else 0 end
        else coalesce(credit__parsed, 0)
    end as credit_amount,
    ecriturelet as lettering_code,
    datelet__parsed as lettering_date,
    validdate__parsed as validation_date,
    montantdevise__parsed as currency_amount,
    idevise as currency_code,
    amount_columns,
    unreadable_fields,
    reject_reason,
    {{ fec_raw_values() }} as raw_values
from checked
