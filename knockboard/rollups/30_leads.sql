-- sources: leads
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Leads per street and day: received that day, verified that day (and how), and verified on the day
-- received. Pending over 24 h at the end of day D is then
--   received before D - (verified by the end of D - received and verified on D),
-- which every day of a trend can read from cumulative sums, without scanning the leads again.
create or replace table roll_leads_street_day as
with received as (
    select street_id, received_at::date as day, count(*) as received,
           count(*) filter (where verified_at::date = received_at::date) as verified_same_day
    from leads
    group by all
),
verified as (
    select street_id, verified_at::date as day, count(*) as verified,
           count(*) filter (where status = 'valid') as valid,
           count(*) filter (where status = 'invalid') as invalid
    from leads
    where verified_at is not null
    group by all
)
select street_id, day,
       coalesce(r.received, 0) as received, coalesce(v.verified, 0) as verified,
       coalesce(v.valid, 0) as valid, coalesce(v.invalid, 0) as invalid,
       coalesce(r.verified_same_day, 0) as verified_same_day
from received r
full outer join verified v using (street_id, day)
order by day, street_id;
