-- sources: visits, streets, communities, grids, neighbourhoods, micro_grids
-- partition: street_id
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Follow-up spells: a household awaits follow-up at the end of day D when its latest visit up to
-- the end of D (by visited_at) flagged needs_followup. A spell starts with a flagging visit whose
-- previous visit did not flag (or that is the first visit) and ends with the next visit that does
-- not flag (cleared_day; null while still open). Awaiting at the end of D is then
--   flagged_day <= D and (cleared_day is null or cleared_day > D),
-- so a flag cleared later the same day never counts. The flagging visit's findings say why.
create or replace table followup_spells as
with flagged_households as (
    select distinct household_id from visits where needs_followup
),
ordered as (
    select v.household_id, v.micro_grid_id, v.street_id, v.visit_day, v.visited_at, v.needs_followup,
           v.returned_from_outside, v.health_code,
           lag(v.needs_followup) over (partition by v.household_id order by v.visited_at, v.visit_id)
               as previous_flagged,
           min(case when not v.needs_followup then v.visited_at end) over (
               partition by v.household_id order by v.visited_at, v.visit_id
               rows between 1 following and unbounded following) as cleared_at
    from visits v
    where v.household_id in (select household_id from flagged_households)
)
select o.household_id, o.micro_grid_id, t.grid_id, o.street_id,
       o.visit_day as flagged_day, o.cleared_at::date as cleared_day,
       o.returned_from_outside as returnee,
       o.health_code = 'yellow' as yellow_code,
       o.health_code = 'red' as red_code
from ordered o
left join territory t using (micro_grid_id)
where o.needs_followup and not coalesce(o.previous_flagged, false)
order by flagged_day, o.street_id, o.household_id;
