-- sources: none
-- Measures, part of the rollup set, run last as the table macros read the rollups above. They read
-- no table when defined (`sources: none`), so only a full rebuild (a new or upgraded store) writes them.
-- DESIGN.md's definitions, each written once as a DuckDB macro stored in the store; the named
-- queries (queries/*.sql) select from these instead of spelling a definition out again. Macros
-- are inlined where they are called, so a query's filters still reach the tables' scans.

-- Coverage: households covered / registered households; a unit with no registered households has
-- no coverage (null), never a division by zero.
create or replace macro coverage_of(covered, registered) as
    case when registered > 0 then coalesce(covered, 0) / registered end;

-- Households missing: registered - covered, never below 0.
create or replace macro missing_of(covered, registered) as
    greatest(registered - coalesce(covered, 0), 0);

-- Households needed to reach the coverage threshold: ceil(threshold x registered) - covered, never
-- below 0. A unit is below the threshold exactly when it still needs a household.
create or replace macro needed_of(covered, registered, threshold) as
    greatest(ceil(threshold::decimal(6, 4) * registered)::bigint - coalesce(covered, 0), 0);

create or replace macro below_threshold_of(covered, registered, threshold) as
    needed_of(covered, registered, threshold) > 0;

-- Not visited for `days` days on `day`: no visit in the `days` days up to and including `day`
-- (or never).
create or replace macro not_visited_for(last_day, day, days) as
    (last_day is null or last_day <= day - days::integer);

-- A material not-at-home backlog: at least `at_least` households never met and at least `share`
-- of the unit's registered households (both; never when there is none).
create or replace macro material_backlog(backlog, registered, at_least, share) as
    (backlog > 0 and backlog >= at_least::integer and backlog >= share::decimal(6, 4) * registered);

-- Each grid's progress on `on_day`, within `street` and `community` (null = all) and bounded by
-- `scope` (a street, or null for the district): registered households, households covered to date,
-- first visited to date, the not-at-home backlog (first visited - covered), the last day with a
-- visit up to `on_day` and the days since, households knocked on `on_day`, coverage and households
-- missing. Every grid in scope, visited or not.
create or replace macro grid_progress(on_day, street, community, scope) as table
with units as (
    select grid_id, community_id, street_id, registered
    from registered_by_grid
    where (street is null or street_id = street)
      and (community is null or community_id = community)
      and (scope is null or street_id = scope)
),
done as (
    select grid_id, sum(newly_covered)::bigint as covered, sum(first_visits)::bigint as first_visited,
           max(r.day) as last_day, sum(knocked) filter (where r.day = on_day)::bigint as knocked
    from roll_visits_grid_day r
    where r.day <= on_day
      and (street is null or street_id = street)
      and (community is null or community_id = community)
      and (scope is null or street_id = scope)
    group by grid_id
)
select u.grid_id, u.community_id, u.street_id, u.registered,
       coalesce(d.covered, 0) as covered, coalesce(d.first_visited, 0) as first_visited,
       coalesce(d.first_visited, 0) - coalesce(d.covered, 0) as backlog,
       d.last_day, on_day - d.last_day as days_since, coalesce(d.knocked, 0) as knocked,
       coverage_of(d.covered, u.registered) as coverage, missing_of(d.covered, u.registered) as missing
from units u
left join done d using (grid_id);

-- Each micro-grid's progress on `on_day`, as grid_progress, within `street`, `grid` and `community`
-- (null = all; give a street or a grid: micro-grids are read a street or a grid at a time).
create or replace macro micro_grid_progress(on_day, street, grid, community, scope) as table
with units as (
    select micro_grid_id, grid_id, community_id, street_id, registered_households::bigint as registered
    from territory
    where (street is null or street_id = street)
      and (grid is null or grid_id = grid)
      and (community is null or community_id = community)
      and (scope is null or street_id = scope)
),
done as (
    select micro_grid_id, sum(newly_covered)::bigint as covered,
           sum(first_visits)::bigint as first_visited, max(r.day) as last_day
    from roll_visits_mg_day_by_area r
    where r.day <= on_day
      and (street is null or street_id = street)
      and (grid is null or grid_id = grid)
      and (community is null or community_id = community)
      and (scope is null or street_id = scope)
    group by micro_grid_id
)
select u.micro_grid_id, u.grid_id, u.community_id, u.street_id, u.registered,
       coalesce(d.covered, 0) as covered, coalesce(d.first_visited, 0) as first_visited,
       coalesce(d.first_visited, 0) - coalesce(d.covered, 0) as backlog,
       d.last_day, on_day - d.last_day as days_since,
       coverage_of(d.covered, u.registered) as coverage, missing_of(d.covered, u.registered) as missing
from units u
left join done d using (micro_grid_id);

-- The units a by-unit table lists: the streets of the district, or the grids of `street` when one
-- is given, bounded by `scope` (a street, or null for the district); with their names and
-- registered households. A unit is listed when it has micro-grids.
create or replace macro units_named(street, scope) as table
with units as (
    select case when street is null then street_id else grid_id end as unit_id,
           sum(registered_households)::bigint as registered
    from territory
    where (street is null or street_id = street)
      and (scope is null or street_id = scope)
    group by unit_id
),
names as (
    select street_id as unit_id, name_zh, name_en from streets
    where street is null and (scope is null or street_id = scope)
    union all
    select g.grid_id, g.name_zh, g.name_en
    from grids g join communities c using (community_id)
    where c.street_id = street and (scope is null or c.street_id = scope)
)
select u.unit_id, n.name_zh, n.name_en, u.registered
from units u
join names n using (unit_id);

-- Each volunteer's standing within each street at the end of `on_day` (roll_volunteer_street_day):
-- their last shift day in the street, that day's hours there and their hours there to date; the
-- streets bounded by `scope` (a street, or null for the district).
create or replace macro volunteer_street_standing(on_day, scope) as table
select street_id, volunteer_id, r.day, hours, hours_to_date from roll_volunteer_street_day r
where (scope is null or street_id = scope)
  and r.day <= on_day and until_day > on_day;

-- Each volunteer's standing at the end of `on_day`: their last shift day, that day's hours and
-- their hours to date, across the district (roll_volunteer_day), or within `street` (else the
-- scope's street) when one is given.
create or replace macro volunteer_standing(on_day, street, scope) as table
select volunteer_id, r.day, hours, hours_to_date from roll_volunteer_day r
where street is null and scope is null
  and r.day <= on_day and until_day > on_day
union all
select volunteer_id, day, hours, hours_to_date from volunteer_street_standing(on_day, scope)
where street_id = coalesce(street, scope);
