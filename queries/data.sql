-- name: table_freshness
-- Per loadable table: rows held, the last load into it, rows refused by all its loads, and the
-- latest day its facts cover (territory tables have no day). Undone loads do not count.
-- $scope: a street_id counts only that street's rows (territory units and households through their
-- parents, volunteers through their team) and only the loads made by that street's clerks; null:
-- the whole district and every load.
with sc_communities as (
    select community_id from communities where street_id = $scope::varchar
),
sc_grids as (
    select grid_id from grids where community_id in (select community_id from sc_communities)
),
sc_neighbourhoods as (
    select neighbourhood_id from neighbourhoods where grid_id in (select grid_id from sc_grids)
),
sc_micro_grids as (
    select micro_grid_id from micro_grids where neighbourhood_id in (select neighbourhood_id from sc_neighbourhoods)
),
counts as (
    select 'streets' as table_name, count(*) as row_count, null::date as latest_day from streets
        where $scope::varchar is null or street_id = $scope
    union all select 'communities', count(*), null from communities
        where $scope::varchar is null or street_id = $scope
    union all select 'grids', count(*), null from grids
        where $scope::varchar is null or grid_id in (select grid_id from sc_grids)
    union all select 'neighbourhoods', count(*), null from neighbourhoods
        where $scope::varchar is null or neighbourhood_id in (select neighbourhood_id from sc_neighbourhoods)
    union all select 'micro_grids', count(*), null from micro_grids
        where $scope::varchar is null or micro_grid_id in (select micro_grid_id from sc_micro_grids)
    union all select 'households', count(*), null from households
        where $scope::varchar is null or micro_grid_id in (select micro_grid_id from sc_micro_grids)
    union all select 'teams', count(*), null from teams
        where $scope::varchar is null or street_id = $scope
    union all select 'volunteers', count(*), max(joined_on) from volunteers
        where $scope::varchar is null or team_id in (select team_id from teams where street_id = $scope)
    union all select 'businesses', count(*), null from businesses
        where $scope::varchar is null or street_id = $scope
    union all select 'visits', count(*), max(visit_day) from visits
        where $scope::varchar is null or street_id = $scope
    union all select 'shifts', count(*), max(shift_date) from shifts
        where $scope::varchar is null or street_id = $scope
    union all select 'inspections', count(*), max(inspected_on) from inspections
        where $scope::varchar is null or street_id = $scope
    union all select 'leads', count(*), max(received_at)::date from leads
        where $scope::varchar is null or street_id = $scope
),
loads as (
    select table_name, max(loaded_at) as last_load, sum(rows_refused)::bigint as refused_rows,
           count(*) as imports
    from imports
    where undone_at is null and ($scope::varchar is null or street_id = $scope)  -- an undone load's rows are gone
    group by table_name
)
select c.table_name, c.row_count, l.last_load, coalesce(l.refused_rows, 0) as refused_rows,
       coalesce(l.imports, 0) as imports, c.latest_day
from counts c
left join loads l using (table_name)

-- name: street_freshness
-- Per street: visits, shifts, inspections and leads held, and the latest day each covers, so a
-- street whose clerk has not loaded recently stands out.
-- $scope: a street_id gives that street's row only; null: every street.
with v as (select street_id, sum(visits)::bigint as visits, max(day) as visits_latest
           from roll_visits_street_day group by street_id),
     s as (select street_id, sum(shifts)::bigint as shifts, max(day) as shifts_latest
           from roll_shifts_street_day group by street_id),
     i as (select street_id, count(*) as inspections, max(inspected_on) as inspections_latest
           from inspections group by street_id),
     l as (select street_id, sum(received)::bigint as leads, max(day) as leads_latest
           from roll_leads_street_day where received > 0 group by street_id)
select st.street_id, st.name_zh, st.name_en,
       coalesce(v.visits, 0) as visits, v.visits_latest, coalesce(s.shifts, 0) as shifts, s.shifts_latest,
       coalesce(i.inspections, 0) as inspections, i.inspections_latest,
       coalesce(l.leads, 0) as leads, l.leads_latest
from streets st
left join v using (street_id) left join s using (street_id) left join i using (street_id)
left join l using (street_id)
where $scope::varchar is null or st.street_id = $scope
order by st.street_id

-- name: recent_imports
-- The last $limit loads: file, table, rows read / accepted / refused, who, when, and the street of
-- the clerk who loaded it (null: a district-wide load); when and by whom it was undone (null: it
-- stands), and whether it kept its changes (loads before schema 5 did not, and cannot be undone).
-- $scope: a street_id gives only the loads made by that street's clerks; null: every load.
select import_id, file_name, table_name, rows_read, rows_accepted, rows_refused, loaded_by, loaded_at, street_id,
       undone_at, undone_by, changes_kept
from imports
where $scope::varchar is null or street_id = $scope
order by import_id desc
limit $limit

-- name: integrity_checks
-- Territory integrity: micro-grids with no households listed, households whose micro-grid is not in
-- the store, and micro-grids whose registered households differ from the households listed; each
-- with how many and a few examples.
-- $scope: a street_id checks only that street's micro-grids (through neighbourhood, grid and
-- community); households with no micro-grid belong to no street and are counted for the district
-- only (null scope).
with scoped_mg as (
    select m.micro_grid_id, m.registered_households
    from micro_grids m
    where $scope::varchar is null or m.micro_grid_id in (
        select m2.micro_grid_id
        from micro_grids m2 join neighbourhoods n using (neighbourhood_id) join grids g using (grid_id)
        join communities c using (community_id)
        where c.street_id = $scope)
),
listed as (
    select micro_grid_id, count(*) as n from households group by micro_grid_id
),
empty_mg as (
    select m.micro_grid_id from scoped_mg m anti join listed l using (micro_grid_id)
),
orphans as (
    select h.household_id from households h anti join micro_grids m using (micro_grid_id)
    where $scope::varchar is null
),
mismatch as (
    select m.micro_grid_id from scoped_mg m join listed l using (micro_grid_id)
    where m.registered_households <> l.n
)
select 'mg_no_households' as check_name, (select count(*) from empty_mg) as problems,
       (select string_agg(micro_grid_id, ', ') from (select micro_grid_id from empty_mg order by 1 limit 5)) as examples
union all
select 'households_no_mg', (select count(*) from orphans),
       (select string_agg(household_id, ', ') from (select household_id from orphans order by 1 limit 5))
union all
select 'registered_mismatch', (select count(*) from mismatch),
       (select string_agg(micro_grid_id, ', ') from (select micro_grid_id from mismatch order by 1 limit 5))

-- name: suspicious_bursts
-- Field records to review on day $day: workers who logged at least $doors visits within any
-- $minutes minutes (too fast to be real doors), with the burst's first and last time.
-- $scope: a street_id looks at that street's visits only; null: the whole district.
with day_visits as (
    select worker_id, visited_at
    from visits
    where visit_day = $day::date and worker_id is not null
      and ($scope::varchar is null or street_id = $scope)
),
windows as (
    select worker_id, visited_at as first_at,
           count(*) over (partition by worker_id order by visited_at
                          range between current row and to_minutes($minutes::integer) following) as doors,
           max(visited_at) over (partition by worker_id order by visited_at
                                 range between current row and to_minutes($minutes::integer) following) as last_at
    from day_visits
)
select worker_id, max(doors) as doors, arg_max(first_at, doors) as first_at, arg_max(last_at, doors) as last_at
from windows
where doors >= $doors::integer
group by worker_id
order by doors desc, worker_id

-- name: suspicious_all_met
-- Field records to review on day $day: workers who knocked at least $min_doors households that day
-- and met someone at every one (a contact rate of 100 % over many doors is rarely real).
-- $scope: a street_id looks at that street's visits only; null: the whole district.
select worker_id, count(distinct household_id) as doors, min(visited_at) as first_at, max(visited_at) as last_at
from visits
where visit_day = $day::date and worker_id is not null
  and ($scope::varchar is null or street_id = $scope)
group by worker_id
having count(distinct household_id) >= $min_doors::integer and bool_and(outcome = 'met')
order by doors desc, worker_id

-- name: businesses_needing_grid
-- Businesses with no grid: those created from inspection sheets (or loaded without one). They count
-- in their street, but the map cannot place them until a businesses sheet gives their grid.
-- $scope: a street_id gives only that street's; null: every street's.
select b.business_id, b.name, b.address, b.street_id, s.name_zh, s.name_en
from businesses b
left join streets s using (street_id)
where b.grid_id is null
  and ($scope::varchar is null or b.street_id = $scope)
order by b.street_id, b.business_id
