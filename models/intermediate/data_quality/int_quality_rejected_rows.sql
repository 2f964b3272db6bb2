{#- Rows set aside at reading, by filiale, extract and kind of reason, told in
    French (seed reject_reason_labels, keyed by the reason's stable code; the
    column it names in quotes). A rejected row has no trusted date: its year is
    null. It may affect every indicator that reads its extract. -#}
select
    rejected.filiale_code,
    null::integer as year,
    'rejected_row' as finding,
    rejected.extract,
    any_value(
        coalesce(labels.reason_label, rejected.reason_code)
        || coalesce(' : « ' || rejected.reason_column || ' »', '')
    ) as detail,
    count(*) as rows_count,
    null::double as amount_ht,
    coalesce(any_value(indicators.indicator_codes), []) as affected_indicators
from {{ ref('audit_rejected_rows') }} as rejected
left join {{ ref('reject_reason_labels') }} as labels
    on rejected.reason_code = labels.reason_code
left join {{ ref('int_extract_indicators') }} as indicators
    on rejected.extract = indicators.extract
group by rejected.filiale_code, rejected.extract, rejected.reason_kind
