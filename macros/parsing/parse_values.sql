{#- Parsing rules of the input contract (raw-extracts.md, "File format").
    Every macro takes the text of a raw column (already stripped by the
    loader, null when empty) and returns the typed value, or null when the
    text is empty or invalid: the staging models tell the two apart to reject
    invalid rows. -#}

{#- The patterns below are the one grammar of raw values: the staging models
    read each value with these macros, and the delivery validation
    (spaser.validate.grammar) renders the same macros and runs their SQL in
    DuckDB. A pattern macro (`date_pattern`, ...) is also matched by Great
    Expectations in pandas: written without escapes that only RE2 reads, and
    with non-capturing groups, which pandas would warn about. -#}

{#- The thousands separators of numbers (var thousands_separators). -#}
{%- macro _spaces() -%}[{{ var('thousands_separators') | join('') }}]{%- endmacro -%}

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

{#- The accepted date formats (var accepted_date_formats, strptime codes):
    %d and %m are two digits, %Y four. Impossible dates (31/02/2025) and
    dates before the var earliest_valid_date (01/01/0000 would make a delay
    of two thousand years) are invalid. -#}
{% macro _date_format_pattern(format) -%}
    {{- format | replace('.', '\\.') | replace('%d', '[0-9]{2}') | replace('%m', '[0-9]{2}') | replace('%Y', '[0-9]{4}') -}}
{%- endmacro %}

{% macro date_pattern() -%}
    {%- for format in var('accepted_date_formats') -%}
        {{ _date_format_pattern(format) }}{{ '|' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{#- The calendar date of a text in an accepted format, before the bound. -#}
{% macro read_date(expression) -%}
    case
        {%- for format in var('accepted_date_formats') %}
        when regexp_full_match({{ expression }}, {{ sql_string(_date_format_pattern(format)) }})
            then try_strptime({{ expression }}, {{ sql_string(format) }})::date
        {%- endfor %}
    end
{%- endmacro %}

{% macro parse_date(expression) -%}
    list_filter(
        [{{ read_date(expression) }}],
        lambda day: day >= date '{{ var("earliest_valid_date") }}'
    )[1]
{%- endmacro %}

{#- Decimal comma, optional minus, thousands separators (var
    thousands_separators) in groups of three, optional trailing " €" for
    amounts. -#}
{% macro integer_pattern() -%}
    -?(?:[0-9]{1,3}(?:{{ _spaces() }}[0-9]{3})+|[0-9]+)
{%- endmacro %}

{% macro decimal_pattern(currency) -%}
    {{ integer_pattern() }}(?:,[0-9]+)?{% if currency %}(?:{{ _spaces() }}€)?{% endif %}
{%- endmacro %}

{% macro _decimal_text(expression) -%}
    replace(regexp_replace({{ expression }}, {{ sql_string(_spaces() ~ '|€') }}, '', 'g'), ',', '.')
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
            when regexp_full_match({{ expression }}, {{ sql_string(decimal_pattern(true)) }})
                then try_cast({{ _decimal_text(expression) }} as decimal(18, 4))
        end],
        lambda amount: abs(amount) <= {{ var('max_abs_amount_eur') }}
    )[1]
{%- endmacro %}

{#- Columns typed `number` follow the amount syntax without the euro sign. -#}
{% macro parse_number(expression) -%}
    case
        when regexp_full_match({{ expression }}, {{ sql_string(decimal_pattern(false)) }})
            then {{ _decimal_text(expression) }}::double
    end
{%- endmacro %}

{% macro parse_integer(expression) -%}
    case
        when regexp_full_match({{ expression }}, {{ sql_string(integer_pattern()) }})
            then try_cast({{ _decimal_text(expression) }} as bigint)
    end
{%- endmacro %}

{#- Oui/Non, O/N, 1/0, case-insensitive. -#}
{% macro _boolean_words(value) -%}{{ 'oui o 1' if value else 'non n 0' }}{%- endmacro %}

{% macro boolean_pattern() -%}
    (?i:{{ (_boolean_words(true).split() + _boolean_words(false).split()) | join('|') }})
{%- endmacro %}

{% macro parse_boolean(expression) -%}
    case lower({{ expression }})
        {%- for value in [true, false] %}
        {% for word in _boolean_words(value).split() %}when '{{ word }}' then {{ value | lower }}{{ ' ' if not loop.last }}{% endfor %}
        {%- endfor %}
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
