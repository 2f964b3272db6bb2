{#- Rules of registries.md shared by more than one model. -#}

{#- Registry dates: JJ/MM/AAAA or AAAA-MM-JJ; impossible dates are invalid (null). -#}
{% macro parse_registry_date(expression) -%}
    coalesce(
        {{ parse_date(expression) }},
        case
            when regexp_full_match({{ expression }}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')
                then try_strptime({{ expression }}, '%Y-%m-%d')::date
        end
    )
{%- endmacro %}

{#- Text of a registry cell: trimmed, null when empty. -#}
{% macro registry_value(expression) -%}
    nullif(trim({{ expression }}), '')
{%- endmacro %}

{#- ESS (O6_1) from the registries, for a supplier of int_suppliers_classified
    (alias `suppliers`) on a day, or over a period: ESS when SIRENE says `O`,
    when the ESS France list holds the SIREN, or when an ESUS agreement is
    valid (`agreement_condition`, on the struct `agreement`). Only when no
    registry knows the SIREN does `fallback` (the ERP rule) decide. -#}
{% macro supplier_is_ess(agreement_condition, fallback, suppliers='suppliers') -%}
    {%- set suppliers = _prefix(suppliers) -%}
    case
        when coalesce(len({{ suppliers }}ess_registries), 0) = 0 then {{ fallback }}
        else
            len({{ suppliers }}ess_registries_saying_ess) > 0
            or {{ _esus_agreement_valid(suppliers, agreement_condition) }}
    end
{%- endmacro %}

{#- The source reported: the first of sirene, ess_france, esus that says ESS;
    when none does, the first registry that knows the SIREN (it decided
    "not ESS"); without registry, the fallback's source. -#}
{% macro supplier_ess_source(agreement_condition, fallback_source, suppliers='suppliers') -%}
    {%- set suppliers = _prefix(suppliers) -%}
    case
        when coalesce(len({{ suppliers }}ess_registries), 0) = 0 then {{ fallback_source }}
        when len({{ suppliers }}ess_registries_saying_ess) > 0 then {{ suppliers }}ess_registries_saying_ess[1]
        when {{ _esus_agreement_valid(suppliers, agreement_condition) }} then 'esus'
        else {{ suppliers }}ess_registries[1]
    end
{%- endmacro %}

{#- `alias.` to qualify the columns, nothing when the model reads one relation. -#}
{% macro _prefix(alias) -%}
    {{ return(alias ~ '.' if alias else '') }}
{%- endmacro %}

{% macro _esus_agreement_valid(suppliers, agreement_condition) -%}
    len([agreement for agreement in {{ suppliers }}esus_agreements if {{ agreement_condition }}]) > 0
{%- endmacro %}

{#- An ESUS agreement valid on a day: agreed on or before it (empty: since
    always), not ended before it (empty: still agreed). -#}
{% macro esus_agreement_valid_on(day) -%}
    coalesce(agreement.start_date <= {{ day }}, true) and coalesce(agreement.end_date >= {{ day }}, true)
{%- endmacro %}

{#- An ESUS agreement valid on at least one day of a period. -#}
{% macro esus_agreement_valid_during(first_day, last_day) -%}
    coalesce(agreement.start_date <= {{ last_day }}, true) and coalesce(agreement.end_date >= {{ first_day }}, true)
{%- endmacro %}

{#- SME (O8_1), the same for the ERP's fields and SIRENE's: category PME,
    or no category and a workforce band of fewer than 250 employees (var
    `sme_headcount_bands`); anything else is not an SME. -#}
{% macro supplier_is_sme(category, headcount_band) -%}
    coalesce(
        {{ category }} = 'PME'
        or ({{ category }} is null and {{ headcount_band }} in ({{ sql_literals(var('sme_headcount_bands')) }})),
        false
    )
{%- endmacro %}
