-- name: street_coverage
-- Per street on day $day and the day before: coverage to date (covered / registered households),
-- households knocked, and the street's rank by coverage, 1 = lowest (worst first); also households
-- missing (registered - covered, at least 0) and the last day with a visit up to $day (last_day).
-- $scope (a street, or null for the district) bounds everything: a street-scoped user gets their
-- street's row only (rank 1 of 1).
with registered as (
    select street_id, registered from registered_by_street
    where $scope::varchar is null or street_id = $scope
),
covered as (
    select street_id,
           sum(newly_covered) filter (where day <= $day::date)::bigint as covered,
           sum(newly_covered) filter (where day <= $day::date - 1)::bigint as covered_prev,
           sum(knocked) filter (where day = $day::date)::bigint as knocked,
           sum(knocked) filter (where day = $day::date - 1)::bigint as knocked_prev,
           max(day) filter (where day <= $day::date) as last_day
    from roll_visits_street_day
    where $scope::varchar is null or street_id = $scope
    group by street_id
),
joined as (
    select s.street_id, s.name_zh, s.name_en, r.registered,
           coalesce(c.covered, 0) as covered, coalesce(c.covered_prev, 0) as covered_prev,
           coalesce(c.knocked, 0) as knocked, coalesce(c.knocked_prev, 0) as knocked_prev,
           coverage_of(c.covered, r.registered) as coverage,
           coverage_of(c.covered_prev, r.registered) as coverage_prev,
           missing_of(c.covered, coalesce(r.registered, 0)) as missing,
           c.last_day
    from streets s
    left join registered r using (street_id)
    left join covered c using (street_id)
    where $scope::varchar is null or s.street_id = $scope
)
select *,
       rank() over (order by coverage asc nulls last) as coverage_rank,
       rank() over (order by coverage_prev asc nulls last) as coverage_rank_prev
from joined
order by coverage_rank, street_id

-- name: stalled_grids
-- Grids not visited in the $days days up to and including $day (or never visited), with their
-- registered households, worst first by households. $street null means the whole district.
-- $scope (a street, or null for the district) bounds everything.
with grids_in_scope as (
    select t.grid_id, t.street_id, sum(t.registered_households)::bigint as registered
    from territory t
    where ($street::varchar is null or t.street_id = $street)
      and ($scope::varchar is null or t.street_id = $scope)
    group by t.grid_id, t.street_id
),
last_visit as (
    select grid_id, max(day) as last_day
    from roll_visits_grid_day
    where day <= $day::date and ($scope::varchar is null or street_id = $scope)
    group by grid_id
)
select g.grid_id, g.street_id, gr.name_zh, gr.name_en, g.registered, l.last_day,
       ($day::date - l.last_day) as days_since
from grids_in_scope g
join grids gr using (grid_id)
left join last_visit l using (grid_id)
where l.last_day is null or l.last_day <= $day::date - $days::integer
order by g.registered desc, g.grid_id
