-- sources: shifts
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Volunteer hours per street and day (active volunteers, a distinct count, are read from shifts).
create or replace table roll_shifts_street_day as
select street_id, shift_date as day, sum(hours) as hours, count(*) as shifts
from shifts
group by all
order by day, street_id;
