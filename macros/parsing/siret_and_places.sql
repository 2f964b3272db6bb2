{#- SIRET: 14 digits once inner spaces are removed; valid when it passes the
    Luhn check, except La Poste establishments (SIREN 356000000), valid when
    the sum of their 14 digits is a multiple of 5. -#}
{% macro siret_pattern() -%}[0-9]{14}{%- endmacro %}

{% macro clean_siret(expression) -%}
    regexp_replace({{ expression }}, {{ sql_string(_spaces()) }}, '', 'g')
{%- endmacro %}

{#- Digit `position` (from the left) of a 14-digit number held as a BIGINT:
    integer arithmetic, where reading characters would scan the text. -#}
{% macro _digit(number, position) -%}
    ({{ number }} // {{ 10 ** (14 - position) }} % 10)
{%- endmacro %}

{% macro _siret_checksum_is_valid(number) -%}
    case
        when {{ number }} // 100000 = 356000000 then (
            {%- for position in range(1, 15) %}
            {{ _digit(number, position) }}{{ " +" if not loop.last }}
            {%- endfor %}
        ) % 5 = 0
        else (
            {#- Luhn, from the right: the 2nd, 4th, ... digits are doubled,
                i.e. the odd positions from the left of 14 digits. #}
            {%- for position in range(1, 15) %}
            {%- if position % 2 == 1 %}
            ({{ _digit(number, position) }} * 2 - case when {{ _digit(number, position) }} >= 5 then 9 else 0 end)
            {%- else %}
            {{ _digit(number, position) }}
            {%- endif %}{{ " +" if not loop.last }}
            {%- endfor %}
        ) % 10 = 0
    end
{%- endmacro %}

{#- The cleaned SIRET is bound once (a one-item list and a lambda), and its
    digits read as a number, not as text. -#}
{% macro parse_siret(expression) -%}
    list_transform(
        [{{ clean_siret(expression) }}],
        lambda siret: case
            when regexp_full_match(siret, {{ sql_string(siret_pattern()) }})
                and list_transform([try_cast(siret as bigint)], lambda number: {{ _siret_checksum_is_valid('number') }})[1]
                then siret
        end
    )[1]
{%- endmacro %}

{#- Département of an INSEE commune code: 2A/2B in Corsica, three characters
    for codes starting with 97 or 98 (DROM, COM), else two; null when the
    code is not a commune code, so that the postal code decides. -#}
{% macro departement_from_commune(expression) -%}
    case
        when not regexp_full_match(upper({{ expression }}), '[0-9]{5}|2[AB][0-9]{3}') then null
        when left({{ expression }}, 2) in ('97', '98') then left({{ expression }}, 3)
        else upper(left({{ expression }}, 2))
    end
{%- endmacro %}

{#- Département of a postal code: 200xx-201xx is 2A, 202xx-206xx is 2B,
    three characters for 97xxx and 98xxx, else the first two digits. -#}
{% macro departement_from_postal_code(expression) -%}
    case
        when not regexp_full_match({{ expression }}, '[0-9]{5}') then null
        when left({{ expression }}, 3) in ('200', '201') then '2A'
        when left({{ expression }}, 3) in ('202', '203', '204', '205', '206') then '2B'
        when left({{ expression }}, 2) in ('97', '98') then left({{ expression }}, 3)
        else left({{ expression }}, 2)
    end
{%- endmacro %}
