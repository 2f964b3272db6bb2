{#- From physical lines to records (the CTEs end with `records`: file_id,
    line_number of the record's first line, fields, reading_error, raw_record).

    A line with an even number of quotes is a record of its own. A line with
    an odd number opens a quoted field that the next odd line closes, when it
    comes within `csv_max_lines_per_row` lines and the lines between make a
    readable record; otherwise the opening line alone is rejected and reading
    resumes on the next line. Which odd line opens a record depends on the
    ones before it: along a run of odd lines that each pair with the next,
    every other one opens a record, from the first of the run. -#}
{% macro raw_records_ctes(lines, files) -%}
    flagged as (
        select
            file_id,
            line_number,
            line,
            case
                when strpos(line, '"') > 0 then length(line) - length(replace(line, '"', ''))
                else 0
            end as quote_count
        from {{ lines }}
        where line_number > 1
    ),

    odd_lines as (
        select
            file_id,
            line_number,
            line,
            lead(line_number) over by_line as next_odd_line,
            row_number() over by_line as odd_rank
        from flagged
        where quote_count % 2 = 1
        window by_line as (partition by file_id order by line_number)
    ),

    span_lines as (
        select
            file_id,
            line_number as opening_line,
            unnest(generate_series(line_number, next_odd_line)) as line_number
        from odd_lines
        where next_odd_line - line_number < {{ var('csv_max_lines_per_row') }}
    ),

    spans as (
        select
            span_lines.file_id,
            span_lines.opening_line as line_number,
            list_reduce(
                list(flagged.line order by flagged.line_number),
                lambda joined, line: joined || any_value(files.line_ending) || line
            ) as raw_record
        from span_lines
        inner join flagged using (file_id, line_number)
        inner join {{ files }} as files on span_lines.file_id = files.file_id
        group by span_lines.file_id, span_lines.opening_line
    ),

    pairs as (
        select
            odd_lines.*,
            spans.raw_record,
            coalesce({{ csv_record_is_readable('spans.raw_record') }}, false) as opens_record
        from odd_lines
        left join spans using (file_id, line_number)
    ),

    runs as (
        select
            *,
            sum(case when odd_rank = 1 or not previous_opens then 1 else 0 end)
                over (partition by file_id order by odd_rank) as run_id
        from (
            select
                *,
                lag(opens_record) over (partition by file_id order by odd_rank) as previous_opens
            from pairs
        )
    ),

    record_starts as (
        select *
        from runs
        qualify (odd_rank - min(odd_rank) over (partition by file_id, run_id)) % 2 = 0
    ),

    multi_line_records as (
        select
            file_id,
            line_number,
            {{ csv_fields('raw_record') }} as fields,
            null::varchar as reading_error,
            null::varchar as raw_record,
            next_odd_line as last_line
        from record_starts
        where opens_record
    ),

    unreadable_starts as (
        select
            file_id,
            line_number,
            line,
            case
                when next_odd_line is null then 'unreadable quoting: a quote is still open at the end of the file'
                when next_odd_line - line_number >= {{ var('csv_max_lines_per_row') }}
                    then 'unreadable quoting: a quote is still open after {{ var("csv_max_lines_per_row") }} lines'
                else 'unreadable quoting: a stray quote inside a field'
            end as reading_error
        from record_starts
        where not opens_record
    ),

    covered_lines as (
        select
            file_id,
            unnest(generate_series(line_number, last_line)) as line_number
        from multi_line_records
    ),

    single_lines as (
        select
            flagged.*,
            case when quote_count = 0 then true else {{ csv_record_is_readable('line') }} end as is_readable
        from flagged
        anti join covered_lines using (file_id, line_number)
        where quote_count % 2 = 0 and not {{ csv_line_is_blank('line') }}
    ),

    records as (
        select
            file_id,
            line_number,
            case when is_readable then {{ csv_fields('line') }} end as fields,
            case when not is_readable then 'unreadable quoting: a stray quote inside a field' end
                as reading_error,
            case when not is_readable then line end as raw_record
        from single_lines

        union all

        select
            file_id,
            line_number,
            fields,
            reading_error,
            raw_record
        from multi_line_records

        union all

        select
            file_id,
            line_number,
            null::varchar[] as fields,
            reading_error,
            line as raw_record
        from unreadable_starts
    ),
{%- endmacro %}
