{#- Parsing rules of the input contract (raw-extracts.md, "File format").
    Every macro takes the text of a raw column (already stripped by the
    loader, null when empty) and returns the typed value, or null when the
    text is empty or invalid: the staging models tell the two apart to reject
    invalid rows. -#}

{%- macro _spaces() -%}[ \x{00A0}\x{202F}]{%- endmacro -%}

{% macro normalize_code(expression) -%}
    strip_accents(lower(trim({{ expression }})))
{%- endmacro %}

{#- Canonical spelling of a coded value, compared ignoring case, accents and
    surrounding spaces; null when unknown. -#}
{#- A value already in canonical spelling is recognised first: most are, and
    folding case and accents costs more than a comparison. -#}
{% macro parse_code(expression, codes) -%}
    case
        when {{ expression }} in ({{ sql_literals(codes) }}) then {{ expression }}
        else case {{ normalize_code(expression) }}
            {%- for code in codes %}
            when {{ normalize_code(sql_string(code)) }} then {{ sql_string(code) }}
            {%- endfor %}
        end
    end
{%- endmacro %}

{#- JJ/MM/AAAA only; impossible dates (31/02/2025) and dates before the var
    earliest_valid_date (01/01/0000 would make a delay of two thousand years)
    are invalid. -#}
{% macro parse_date(expression) -%}
    case
        when regexp_full_match({{ expression }}, '[0-9]{2}/[0-9]{2}/[0-9]{4}')
            then list_filter(
                [try_strptime({{ expression }}, '%d/%m/%Y')::date],
                lambda day: day >= date '{{ var("earliest_valid_date") }}'
            )[1]
    end
{%- endmacro %}

{#- Decimal comma, optional minus, thousands separators (U+0020, U+00A0,
    U+202F) in groups of three, optional trailing " €" for amounts. -#}
{% macro _decimal_pattern(currency) -%}
    '-?([0-9]{1,3}({{ _spaces() }}[0-9]{3})+|[0-9]+)(,[0-9]+)?{% if currency %}({{ _spaces() }}€)?{% endif %}'
{%- endmacro %}

{% macro _decimal_text(expression) -%}
    replace(regexp_replace({{ expression }}, '{{ _spaces() }}|€', '', 'g'), ',', '.')
{%- endmacro %}

{#- An amount beyond the var max_abs_amount_eur is invalid: every amount
    kept sums in every indicator without overflow. -#}
{#- An amount without separators or euro sign, the common case, skips the
    clean-up of the formatted ones. -#}
{% macro parse_amount(expression) -%}
    list_filter(
        [case
            when regexp_full_match({{ expression }}, '-?[0-9]+(,[0-9]+)?')
                then try_cast(replace({{ expression }}, ',', '.') as decimal(18, 4))
            when regexp_full_match({{ expression }}, {{ _decimal_pattern(true) }})
                then try_cast({{ _decimal_text(expression) }} as decimal(18, 4))
        end],
        lambda amount: abs(amount) <= {{ var('max_abs_amount_eur') }}
    )[1]
{%- endmacro %}

{#- Columns typed `number` follow the amount syntax without the euro sign. -#}
{% macro parse_number(expression) -%}
    case
        when regexp_full_match({{ expression }}, {{ _decimal_pattern(false) }})
            then {{ _decimal_text(expression) }}::double
    end
{%- endmacro %}

{% macro parse_integer(expression) -%}
    case
        when regexp_full_match({{ expression }}, '-?([0-9]{1,3}({{ _spaces() }}[0-9]{3})+|[0-9]+)')
            then try_cast({{ _decimal_text(expression) }} as bigint)
    end
{%- endmacro %}

{#- Oui/Non, O/N, 1/0, case-insensitive. -#}
{% macro parse_boolean(expression) -%}
    case lower({{ expression }})
        when 'oui' then true when 'o' then true when '1' then true
        when 'non' then false when 'n' then false when '0' then false
    end
{%- endmacro %}

{#- Items separated by `|`, stripped, empty items dropped; [] when empty. -#}
{% macro parse_list(expression) -%}
    coalesce([trim(item) for item in string_split({{ expression }}, '|') if trim(item) <> ''], [])
{%- endmacro %}

{#- Every item in canonical spelling; an unknown item becomes null, so that
    the row is rejected (`code_list_is_invalid`) or the item ignored
    (`known_codes`), as the column requires. -#}
{% macro parse_code_list(expression, codes) -%}
    [{{ parse_code('item', codes) }} for item in {{ parse_list(expression) }}]
{%- endmacro %}

{% macro known_codes(expression, codes) -%}
    [code for code in {{ parse_code_list(expression, codes) }} if code is not null]
{%- endmacro %}

{% macro code_list_is_invalid(expression, codes) -%}
    len([code for code in {{ parse_code_list(expression, codes) }} if code is null]) > 0
{%- endmacro %}
