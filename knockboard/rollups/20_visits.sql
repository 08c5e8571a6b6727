-- sources: visits, streets, communities, grids, neighbourhoods, micro_grids
-- partition: street_id
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- One row per visited household: when it was first visited, first covered (met or vacant), last tried.
-- Not-at-home backlog as of day D: first_visit_day <= D and (first_covered_day is null or > D).
create or replace table household_status as
select
    household_id,
    any_value(micro_grid_id) as micro_grid_id,
    any_value(street_id) as street_id,
    min(visit_day) as first_visit_day,
    min(visit_day) filter (where outcome in ('met', 'vacant')) as first_covered_day,
    max(visited_at) as last_visit_at,
    count(*) as attempts
from visits
group by household_id;

-- Visits per micro-grid and day. Every column is additive over territory, so grids, streets and
-- the district are sums of these rows. knocked = distinct households visited that day (any outcome).
create or replace table roll_visits_mg_day as
with by_day as (
    select
        micro_grid_id,
        visit_day as day,
        count(distinct household_id) as knocked,
        count(*) as visits,
        count(*) filter (where outcome = 'met') as met,
        count(*) filter (where outcome = 'not_home') as not_home,
        count(*) filter (where outcome = 'refused') as refused,
        count(*) filter (where outcome = 'vacant') as vacant,
        count(*) filter (where returned_from_outside) as returnees,
        count(*) filter (where health_code = 'yellow') as yellow_codes,
        count(*) filter (where health_code = 'red') as red_codes,
        count(*) filter (where needs_followup) as followups
    from visits
    group by micro_grid_id, visit_day
),
firsts as (
    select micro_grid_id, first_visit_day as day, count(*) as first_visits
    from household_status
    group by micro_grid_id, first_visit_day
),
covers as (
    select micro_grid_id, first_covered_day as day, count(*) as newly_covered
    from household_status
    where first_covered_day is not null
    group by micro_grid_id, first_covered_day
)
select
    b.micro_grid_id,
    t.grid_id,
    t.community_id,
    t.street_id,
    b.day,
    b.knocked,
    b.visits,
    b.met,
    b.not_home,
    b.refused,
    b.vacant,
    coalesce(f.first_visits, 0) as first_visits,
    coalesce(c.newly_covered, 0) as newly_covered,
    b.returnees,
    b.yellow_codes,
    b.red_codes,
    b.followups
from by_day b
left join firsts f using (micro_grid_id, day)
left join covers c using (micro_grid_id, day)
left join territory t using (micro_grid_id)
order by b.day, t.street_id, t.grid_id;

-- The same per grid and per street: what district, street and grid views read.
create or replace table roll_visits_grid_day as
select
    grid_id, any_value(community_id) as community_id, any_value(street_id) as street_id, day,
    sum(knocked)::bigint as knocked, sum(visits)::bigint as visits, sum(met)::bigint as met,
    sum(not_home)::bigint as not_home, sum(refused)::bigint as refused, sum(vacant)::bigint as vacant,
    sum(first_visits)::bigint as first_visits, sum(newly_covered)::bigint as newly_covered,
    sum(returnees)::bigint as returnees, sum(yellow_codes)::bigint as yellow_codes,
    sum(red_codes)::bigint as red_codes, sum(followups)::bigint as followups
from roll_visits_mg_day
group by grid_id, day
order by day, street_id, grid_id;

create or replace table roll_visits_street_day as
select
    street_id, day,
    sum(knocked)::bigint as knocked, sum(visits)::bigint as visits, sum(met)::bigint as met,
    sum(not_home)::bigint as not_home, sum(refused)::bigint as refused, sum(vacant)::bigint as vacant,
    sum(first_visits)::bigint as first_visits, sum(newly_covered)::bigint as newly_covered,
    sum(returnees)::bigint as returnees, sum(yellow_codes)::bigint as yellow_codes,
    sum(red_codes)::bigint as red_codes, sum(followups)::bigint as followups
from roll_visits_grid_day
group by street_id, day
order by day, street_id;
