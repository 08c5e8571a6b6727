-- name: visits_daily
-- Households knocked per day (distinct households with at least one visit that day, any outcome),
-- visits by outcome, first visits, households newly covered (first met or vacant visit), and
-- coverage to date: covered households since the campaign began / registered households.
-- One row per day from $start to $end; $street null means the whole district.
with registered as (
    select sum(registered)::bigint as registered
    from registered_by_street
    where $street::varchar is null or street_id = $street
),
per_day as (
    select day,
           sum(knocked) as knocked, sum(visits) as visits, sum(met) as met,
           sum(not_home) as not_home, sum(refused) as refused, sum(vacant) as vacant,
           sum(first_visits) as first_visits, sum(newly_covered) as newly_covered,
           sum(returnees) as returnees, sum(yellow_codes) as yellow_codes,
           sum(red_codes) as red_codes, sum(followups) as followups
    from roll_visits_street_day
    where ($street::varchar is null or street_id = $street) and day <= $end::date
    group by day
),
spine as (
    select unnest(generate_series(
        least($start::date, (select min(day) from per_day)), $end::date, interval 1 day))::date as day
),
filled as (
    select s.day,
           coalesce(knocked, 0)::bigint as knocked, coalesce(visits, 0)::bigint as visits,
           coalesce(met, 0)::bigint as met, coalesce(not_home, 0)::bigint as not_home,
           coalesce(refused, 0)::bigint as refused, coalesce(vacant, 0)::bigint as vacant,
           coalesce(first_visits, 0)::bigint as first_visits,
           coalesce(newly_covered, 0)::bigint as newly_covered,
           coalesce(returnees, 0)::bigint as returnees, coalesce(yellow_codes, 0)::bigint as yellow_codes,
           coalesce(red_codes, 0)::bigint as red_codes, coalesce(followups, 0)::bigint as followups,
           sum(coalesce(newly_covered, 0)) over (order by s.day)::bigint as covered_to_date
    from spine s
    left join per_day p using (day)
)
select f.*, r.registered,
       case when r.registered > 0 then f.covered_to_date / r.registered end as coverage
from filled f, registered r
where f.day >= $start::date
order by f.day

-- name: street_coverage
-- Per street on day $day and the day before: coverage to date (covered / registered households),
-- households knocked, and the street's rank by coverage, 1 = lowest (worst first); also households
-- missing (registered - covered, at least 0) and the last day with a visit up to $day (last_day).
with registered as (
    select street_id, registered from registered_by_street
),
covered as (
    select street_id,
           sum(newly_covered) filter (where day <= $day::date)::bigint as covered,
           sum(newly_covered) filter (where day <= $day::date - 1)::bigint as covered_prev,
           sum(knocked) filter (where day = $day::date)::bigint as knocked,
           sum(knocked) filter (where day = $day::date - 1)::bigint as knocked_prev,
           max(day) filter (where day <= $day::date) as last_day
    from roll_visits_street_day
    group by street_id
),
joined as (
    select s.street_id, s.name_zh, s.name_en, r.registered,
           coalesce(c.covered, 0) as covered, coalesce(c.covered_prev, 0) as covered_prev,
           coalesce(c.knocked, 0) as knocked, coalesce(c.knocked_prev, 0) as knocked_prev,
           case when r.registered > 0 then coalesce(c.covered, 0) / r.registered end as coverage,
           case when r.registered > 0 then coalesce(c.covered_prev, 0) / r.registered end as coverage_prev,
           greatest(coalesce(r.registered, 0) - coalesce(c.covered, 0), 0) as missing,
           c.last_day
    from streets s
    left join registered r using (street_id)
    left join covered c using (street_id)
)
select *,
       rank() over (order by coverage asc nulls last) as coverage_rank,
       rank() over (order by coverage_prev asc nulls last) as coverage_rank_prev
from joined
order by coverage_rank, street_id

-- name: stalled_grids
-- Grids not visited in the $days days up to and including $day (or never visited), with their
-- registered households, worst first by households. $street null means the whole district.
with grids_in_scope as (
    select t.grid_id, t.street_id, sum(t.registered_households)::bigint as registered
    from territory t
    where $street::varchar is null or t.street_id = $street
    group by t.grid_id, t.street_id
),
last_visit as (
    select grid_id, max(day) as last_day
    from roll_visits_grid_day
    where day <= $day::date
    group by grid_id
)
select g.grid_id, g.street_id, gr.name_zh, g.registered, l.last_day,
       ($day::date - l.last_day) as days_since
from grids_in_scope g
join grids gr using (grid_id)
left join last_visit l using (grid_id)
where l.last_day is null or l.last_day <= $day::date - $days::integer
order by g.registered desc, g.grid_id
