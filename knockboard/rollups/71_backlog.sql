-- sources: visits, streets, communities, grids, neighbourhoods, micro_grids
-- partition: street_id
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- The attempts behind the not-at-home backlog: one row per not_home/refused visit made before the
-- household was first covered (met or vacant), or on a household never covered. Attempts on a day
-- the household was later met count nowhere, so they are left out. The backlog as of day D is then
--   the households with a row on or before D whose first_covered_day is null or after D,
-- and their rows up to D are their attempts, with the time of day of each (the revisit plan).
-- covered_from is first_covered_day, or far in the future for a household never covered, so the
-- backlog of day D is "day <= D and covered_from > D". Sorted by covered_from, then by territory:
-- the filter skips the row groups of households covered before D (at the latest day, nearly all),
-- and a street, community or grid reads a small slice of the rest.
create or replace table backlog_attempts as
select v.street_id, t.community_id, t.grid_id, v.micro_grid_id, v.household_id,
       v.visit_day as day, v.visited_at, hour(v.visited_at)::integer as hour, v.outcome,
       h.first_covered_day, coalesce(h.first_covered_day, date '9999-12-31') as covered_from
from visits v
join household_status h using (household_id)
left join territory t on t.micro_grid_id = v.micro_grid_id
where v.outcome in ('not_home', 'refused')
  and (h.first_covered_day is null or v.visit_day < h.first_covered_day)
order by covered_from, v.street_id, t.grid_id, v.micro_grid_id, v.household_id, v.visited_at;

-- Visits per street, day and hour of day, by outcome: when doors are answered.
create or replace table roll_visits_street_hour as
select street_id, visit_day as day, hour(visited_at)::integer as hour, count(*) as visits,
       count(*) filter (where outcome = 'met') as met,
       count(*) filter (where outcome = 'not_home') as not_home,
       count(*) filter (where outcome = 'refused') as refused,
       count(*) filter (where outcome = 'vacant') as vacant
from visits
group by all
order by day, street_id, hour;
