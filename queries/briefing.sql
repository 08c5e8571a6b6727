-- Queries of the daily briefing (pages/briefing.py, knockboard/briefing.py). The briefing also reads
-- street_coverage (coverage_map.sql) and inspections_daily (inspections.sql), the pages' own.

-- name: community_coverage
-- Per community of street $street on day $day and the day before: coverage to date (covered /
-- registered households), households knocked, volunteer hours in its grids, and its rank by
-- coverage, 1 = lowest (worst first). The street briefing ranks these. $scope (a street, or null
-- for the district) bounds everything: another street than $scope gives no rows.
with registered as (
    select community_id, sum(registered_households)::bigint as registered
    from territory
    where street_id = $street and ($scope::varchar is null or street_id = $scope)
    group by community_id
),
covered as (
    select community_id,
           sum(newly_covered) filter (where day <= $day::date)::bigint as covered,
           sum(newly_covered) filter (where day <= $day::date - 1)::bigint as covered_prev,
           sum(knocked) filter (where day = $day::date)::bigint as knocked,
           sum(knocked) filter (where day = $day::date - 1)::bigint as knocked_prev
    from roll_visits_grid_day
    where street_id = $street and ($scope::varchar is null or street_id = $scope)
    group by community_id
),
hours as (
    select g.community_id,
           sum(s.hours) filter (where s.shift_date = $day::date) as hours,
           sum(s.hours) filter (where s.shift_date = $day::date - 1) as hours_prev
    from shifts s
    join grids g using (grid_id)
    where s.street_id = $street and ($scope::varchar is null or s.street_id = $scope)
      and s.shift_date between $day::date - 1 and $day::date
    group by g.community_id
),
joined as (
    select c.community_id, c.name_zh, c.name_en, r.registered,
           coalesce(v.covered, 0) as covered, coalesce(v.covered_prev, 0) as covered_prev,
           coalesce(v.knocked, 0) as knocked, coalesce(v.knocked_prev, 0) as knocked_prev,
           coalesce(h.hours, 0) as hours, coalesce(h.hours_prev, 0) as hours_prev,
           coverage_of(v.covered, r.registered) as coverage,
           coverage_of(v.covered_prev, r.registered) as coverage_prev
    from communities c
    left join registered r using (community_id)
    left join covered v using (community_id)
    left join hours h using (community_id)
    where c.street_id = $street and ($scope::varchar is null or c.street_id = $scope)
)
select *,
       rank() over (order by coverage asc nulls last) as coverage_rank,
       rank() over (order by coverage_prev asc nulls last) as coverage_rank_prev
from joined
order by coverage_rank, community_id

-- name: last_import
-- When data last arrived: the latest load (if any) and the store's source (demo or loaded). Loads
-- are not per street, so $scope (a street, or null for the district) only comes back as a column:
-- the store's freshness is the same for everyone. An undone load does not count (its rows are gone).
select (select max(loaded_at) from imports where undone_at is null) as last_load,
       (select value from store_meta where key = 'source') as source,
       $scope::varchar as scope

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

-- name: street_hours
-- Volunteer hours per street on day $day and the day before. $scope (a street, or null for the
-- district) bounds the streets listed.
select s.street_id,
       coalesce(sum(r.hours) filter (where r.day = $day::date), 0) as hours,
       coalesce(sum(r.hours) filter (where r.day = $day::date - 1), 0) as hours_prev
from streets s
left join roll_shifts_street_day r on r.street_id = s.street_id and r.day between $day::date - 1 and $day::date
where $scope::varchar is null or s.street_id = $scope
group by s.street_id
order by s.street_id
