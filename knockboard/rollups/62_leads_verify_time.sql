-- sources: leads
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Time to verify a lead (verified_at - received_at), counted in tenths of an hour (6-minute steps,
-- rounded down), per street and day of verification: how many leads took each number of tenths.
-- Quantiles do not add up over streets or days, but these counts do: the median and 90th percentile
-- of any street, district and window are read from the sums (query leads_verify_time), without
-- scanning the leads. At most 16 streets x days x 960 steps (96 hours) rows, whatever the volume.
create or replace table roll_leads_verify_hist as
select
    street_id,
    cast(verified_at as date) as day,
    cast(floor(date_diff('second', received_at, verified_at) / 360.0) as integer) as tenths,
    count(*) as leads
from leads
where verified_at is not null
group by street_id, cast(verified_at as date), cast(floor(date_diff('second', received_at, verified_at) / 360.0) as integer)
order by street_id, day, tenths;
