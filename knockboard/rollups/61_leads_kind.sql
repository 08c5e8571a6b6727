-- sources: leads
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Leads per street, day and kind (companion, returnee, risk_area): received that day (by
-- received_at), verified that day (by verified_at), and of those how many valid / invalid. Sums over
-- kinds equal roll_leads_street_day; the lead verification page reads this instead of the leads.
create or replace table roll_leads_kind_street_day as
with received as (
    select street_id, kind, cast(received_at as date) as day, count(*) as received
    from leads
    group by street_id, kind, cast(received_at as date)
),
verified as (
    select street_id, kind, cast(verified_at as date) as day, count(*) as verified,
           count(*) filter (where status = 'valid') as valid,
           count(*) filter (where status = 'invalid') as invalid
    from leads
    where verified_at is not null
    group by street_id, kind, cast(verified_at as date)
)
select street_id, kind, day,
       coalesce(r.received, 0) as received, coalesce(v.verified, 0) as verified,
       coalesce(v.valid, 0) as valid, coalesce(v.invalid, 0) as invalid
from received r
full outer join verified v using (street_id, kind, day)
order by day, street_id, kind;
