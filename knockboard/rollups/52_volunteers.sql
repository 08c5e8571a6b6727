-- sources: shifts
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Shifts per volunteer and day across the district, with the running total of the volunteer's
-- hours (hours_to_date) and their next day with a shift (next_day). A volunteer's standing at the
-- end of day D — last shift day up to D and hours up to D — is the one row with
--   day <= D and until_day > D (until_day: next_day, or far in the future for the last row),
-- so "volunteers with a shift up to D", "hours per volunteer up to D" and "no shift for a week" are
-- filters over this table, not distinct counts over every shift. Sorted by until_day so that the
-- filter skips the row groups that ended before D (as roll_worker_day).
create or replace table roll_volunteer_day as
select *, coalesce(next_day, date '9999-12-31') as until_day
from (
    select volunteer_id, day, hours, shifts,
           sum(hours) over (partition by volunteer_id order by day) as hours_to_date,
           lead(day) over (partition by volunteer_id order by day) as next_day
    from (
        select volunteer_id, shift_date as day, sum(hours) as hours, count(*) as shifts
        from shifts
        group by volunteer_id, shift_date
    )
)
order by until_day, day, volunteer_id;

-- The same per volunteer, street (where the shift was worked) and day: the standing of a volunteer
-- within one street, what a street view reads.
create or replace table roll_volunteer_street_day as
select *, coalesce(next_day, date '9999-12-31') as until_day
from (
    select volunteer_id, street_id, day, hours, shifts,
           sum(hours) over (partition by volunteer_id, street_id order by day) as hours_to_date,
           lead(day) over (partition by volunteer_id, street_id order by day) as next_day
    from (
        select volunteer_id, street_id, shift_date as day, sum(hours) as hours, count(*) as shifts
        from shifts
        group by volunteer_id, street_id, shift_date
    )
)
order by until_day, street_id, day, volunteer_id;
