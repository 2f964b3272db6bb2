{#- Parsing rules of the FEC (accounting-fec.md, "Format"): each macro takes
    the text of a raw field (stripped, null when empty) and returns the typed
    value, or null when empty or invalid; the staging model tells the two
    apart to reject the line, with the field's name in the norm. -#}

{#- AAAAMMJJ only; impossible dates (20260229) and dates before the var
    earliest_valid_date are invalid. -#}
{% macro parse_fec_date(expression) -%}
    case
        when regexp_full_match({{ expression }}, '[0-9]{8}')
            then list_filter(
                [try_strptime({{ expression }}, '%Y%m%d')::date],
                lambda day: day >= date '{{ var("earliest_valid_date") }}'
            )[1]
    end
{%- endmacro %}

{#- Decimal comma (a decimal point is tolerated), optional minus sign, no
    thousands separator (the norm has none); beyond the var
    max_abs_amount_eur, invalid. -#}
{% macro parse_fec_amount(expression) -%}
    list_filter(
        [case
            when regexp_full_match({{ expression }}, '-?[0-9]+([.,][0-9]+)?')
                then try_cast(replace({{ expression }}, ',', '.') as decimal(18, 4))
        end],
        lambda amount: abs(amount) <= {{ var('max_abs_amount_eur') }}
    )[1]
{%- endmacro %}

{#- `Sens` of the Montant/Sens layout: `D` or `+1` is a debit, `C` or `-1` a
    credit (letters in any case). -#}
{% macro parse_fec_direction(expression) -%}
    case upper({{ expression }})
        when 'D' then 'D' when '+1' then 'D'
        when 'C' then 'C' when '-1' then 'C'
    end
{%- endmacro %}

{% macro fec_reject_if_empty(column, field) -%}
    case when {{ column }} is null then {{ _quoted("required field '" ~ field ~ "' is empty") }} end
{%- endmacro %}

{#- A non-empty field that its parser could not read. -#}
{% macro fec_reject_if_invalid(column, kind, field) -%}
    case
        when {{ column }} is not null and {{ column }}__parsed is null
            then {{ _quoted("invalid " ~ kind ~ " in '" ~ field ~ "': ") }} || {{ column }}
    end
{%- endmacro %}

{#- The raw values of a rejected FEC line, as delivered: a JSON object keyed by
    the norm's field names (the line's text when its number of fields is
    wrong); null for a kept line. -#}
{% macro fec_raw_values() -%}
    {%- set fields = [
        'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib',
        'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit',
        'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise', 'Montant', 'Sens',
    ] -%}
    case
        when reading_error is not null then to_json({'raw_record': raw_record})
        when reject_reason is not null then to_json({
            {%- for field in fields %}
            '{{ field }}': {{ field | lower }}{{ "," if not loop.last }}
            {%- endfor %}
        })
    end
{%- endmacro %}
