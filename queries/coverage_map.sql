-- Queries of the grid coverage map (pages/coverage_map.py). Coverage = households covered (at least
-- one met or vacant visit since the campaign began, up to the day) / registered households; a unit
-- with no registered households has no coverage (null), never a division by zero.

-- name: street_shapes
-- The streets with their names, boundary (GeoJSON, may be null) and where to put their label: the
-- street's centroid, else the mean of its grids' centroids. $scope (a street, or null for the
-- district) bounds the streets listed.
select s.street_id, s.name_zh, s.name_en, s.boundary,
       coalesce(s.lat, avg(g.lat)) as lat, coalesce(s.lon, avg(g.lon)) as lon
from streets s
left join communities c using (street_id)
left join grids g using (community_id)
where $scope::varchar is null or s.street_id = $scope
group by s.street_id, s.name_zh, s.name_en, s.boundary, s.lat, s.lon
order by s.street_id

-- name: area_path
-- Where the area $area (a community, grid or micro-grid id) sits in the territory: its street,
-- community, grid and micro-grid ids and names (null below its own level). No row if unknown, or
-- outside $scope (a street, or null for the district).
with hit as (
    select street_id, community_id, null::varchar as grid_id, null::varchar as micro_grid_id, 'community' as level
    from communities where community_id = $area and ($scope::varchar is null or street_id = $scope)
    union all
    select street_id, community_id, grid_id, null, 'grid'
    from registered_by_grid where grid_id = $area and ($scope::varchar is null or street_id = $scope)
    union all
    select street_id, community_id, grid_id, micro_grid_id, 'micro_grid'
    from territory where micro_grid_id = $area and ($scope::varchar is null or street_id = $scope)
)
select h.level, h.street_id, s.name_zh as street_name_zh, s.name_en as street_name_en,
       h.community_id, c.name_zh as community_name_zh, c.name_en as community_name_en,
       h.grid_id, g.name_zh as grid_name_zh, g.name_en as grid_name_en,
       h.micro_grid_id, m.name_zh as micro_grid_name_zh
from hit h
join streets s using (street_id)
join communities c on c.community_id = h.community_id
left join grids g on g.grid_id = h.grid_id
left join micro_grids m on m.micro_grid_id = h.micro_grid_id
limit 1

-- name: coverage_grids
-- Per grid on day $day: registered households, households covered to date, coverage (null when the
-- grid has no registered households), households missing (registered - covered, at least 0), the
-- last day with a visit up to $day and the days since, households knocked on $day; with the grid's
-- name, community, street, centroid and boundary. $street, $community (null = all) bound the grids,
-- and $scope (a street, or null for the district) bounds everything.
-- Worst coverage first (no households last).
select p.grid_id, g.name_zh, g.name_en, p.community_id, c.name_zh as community_name_zh, p.street_id,
       g.lat, g.lon, g.boundary, p.registered, p.covered, p.coverage, p.missing,
       p.last_day, p.days_since, p.knocked
from grid_progress($day::date, $street::varchar, $community::varchar, $scope::varchar) p
join grids g using (grid_id)
join communities c on c.community_id = p.community_id
order by p.coverage asc nulls last, p.grid_id

-- name: coverage_communities
-- Per community on day $day (of street $street; null = all): registered households, households
-- covered to date, coverage (null with no registered households), households missing, last day
-- with a visit up to $day and the days since, its number of grids and where to put its label (the
-- mean of its grids' centroids). Worst coverage first. $scope (a street, or null for the district)
-- bounds everything.
with per_community as (
    select community_id, any_value(street_id) as street_id, sum(registered)::bigint as registered,
           count(*) as grids, sum(covered)::bigint as covered, max(last_day) as last_day
    from grid_progress($day::date, $street::varchar, null::varchar, $scope::varchar)
    group by community_id
),
centre as (
    select community_id, avg(lat) as lat, avg(lon) as lon from grids group by community_id
)
select p.community_id, c.name_zh, c.name_en, p.street_id, p.grids, x.lat, x.lon, p.registered,
       p.covered, coverage_of(p.covered, p.registered) as coverage,
       missing_of(p.covered, p.registered) as missing,
       p.last_day, $day::date - p.last_day as days_since
from per_community p
join communities c using (community_id)
left join centre x using (community_id)
order by coverage asc nulls last, p.community_id

-- name: coverage_micro_grids
-- Per micro-grid of grid $grid on day $day: registered households, households covered to date,
-- coverage (null with no registered households), households missing, not-at-home backlog
-- (households visited by $day whose visits so far are all not_home/refused = first visited -
-- covered), last day with a visit up to $day and the days since; with name, centroid and boundary.
-- Worst coverage first. $scope (a street, or null for the district) bounds everything: a grid of
-- another street gives no rows.
select p.micro_grid_id, m.name_zh, p.grid_id, p.community_id, p.street_id, m.lat, m.lon, m.boundary,
       p.registered, p.covered, p.coverage, p.missing, p.backlog, p.last_day, p.days_since
from micro_grid_progress($day::date, null::varchar, $grid::varchar, null::varchar, $scope::varchar) p
join micro_grids m using (micro_grid_id)
order by p.coverage asc nulls last, p.micro_grid_id

-- name: area_coverage_daily
-- Coverage to date of a community ($community) or a grid ($grid; give one, the other null) on each
-- day from $start to $end: households covered since the campaign began / registered households
-- (null with none). The district and a street read knocked_daily, which has the same definition.
-- $scope (a street, or null for the district) bounds everything: an area of another street counts
-- nothing (no registered households, nothing covered).
with registered as (
    select sum(registered)::bigint as registered
    from registered_by_grid
    where ($community::varchar is null or community_id = $community)
      and ($grid::varchar is null or grid_id = $grid)
      and ($scope::varchar is null or street_id = $scope)
),
per_day as (
    select day, sum(newly_covered) as newly_covered
    from roll_visits_grid_day
    where day <= $end::date
      and ($community::varchar is null or community_id = $community)
      and ($grid::varchar is null or grid_id = $grid)
      and ($scope::varchar is null or street_id = $scope)
    group by day
),
spine as (
    select unnest(generate_series(
        least($start::date, coalesce((select min(day) from per_day), $start::date)), $end::date,
        interval 1 day))::date as day
),
filled as (
    select s.day, sum(coalesce(p.newly_covered, 0)) over (order by s.day)::bigint as covered_to_date
    from spine s
    left join per_day p using (day)
)
select f.day, f.covered_to_date, r.registered,
       coverage_of(f.covered_to_date, r.registered) as coverage
from filled f, registered r
where f.day >= $start::date
order by f.day

-- name: micro_grid_coverage_daily
-- Coverage to date of micro-grid $micro_grid (of grid $grid) on each day from $start to $end, as
-- area_coverage_daily. $scope (a street, or null for the district) bounds everything, as there.
with registered as (
    select registered_households::bigint as registered
    from territory where micro_grid_id = $micro_grid and ($scope::varchar is null or street_id = $scope)
),
per_day as materialized (
    select day, sum(newly_covered) as newly_covered
    from roll_visits_mg_day_by_area
    where ($scope::varchar is null or street_id = $scope)
      and grid_id = $grid and micro_grid_id = $micro_grid and day <= $end::date
    group by day
),
spine as (
    select unnest(generate_series(
        least($start::date, coalesce((select min(day) from per_day), $start::date)), $end::date,
        interval 1 day))::date as day
),
filled as (
    select s.day, sum(coalesce(p.newly_covered, 0)) over (order by s.day)::bigint as covered_to_date
    from spine s
    left join per_day p using (day)
)
select f.day, f.covered_to_date, r.registered,
       coverage_of(f.covered_to_date, r.registered) as coverage
from filled f, registered r
where f.day >= $start::date
order by f.day

-- name: territory_size
-- How many streets, communities, grids and micro-grids the territory has (the map decides from it
-- how much detail the district view can send). $scope (a street, or null for the district) bounds
-- the count: the district counts the tables themselves (as cheap as before), a street its territory.
select (select count(*) from streets where $scope::varchar is null or street_id = $scope) as streets,
       (select count(*) from communities where $scope::varchar is null or street_id = $scope) as communities,
       case when $scope::varchar is null then (select count(*) from grids)
            else (select count(*) from registered_by_grid where street_id = $scope) end as grids,
       case when $scope::varchar is null then (select count(*) from micro_grids)
            else (select count(*) from territory where street_id = $scope) end as micro_grids

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
