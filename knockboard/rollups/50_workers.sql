-- sources: visits, workers, streets, communities, grids, neighbourhoods, micro_grids
-- Rollups, part of a set run in file-name order after each demo build or load (see store.py).
-- Plain SQL over the DESIGN.md tables, so another engine could run the same definitions.

-- Households knocked per worker, day and street: distinct households of that street the worker
-- visited that day (any outcome). Visits without a worker_id cannot be credited to anyone and are
-- left out. What a street view of the workers reads.
create or replace table roll_worker_street_day as
select worker_id, day, street_id, count(*) as knocked, sum(visits)::bigint as visits
from (
    -- one row per worker, day and household first: two plain aggregations are much faster than a
    -- count(distinct) per group at 13 million visits
    select worker_id, visit_day as day, street_id, household_id, count(*) as visits
    from visits
    where worker_id is not null
    group by worker_id, visit_day, street_id, household_id
)
group by worker_id, day, street_id
order by day, street_id;

-- The same per worker and day across the district (a household lies in one street, so the sum over
-- streets is the worker's distinct households of the day): what the district view reads. next_day
-- is the worker's next day with a visit, so "the last day with a visit up to D" is the one row with
-- day <= D and until_day > D (until_day: next_day, or far in the future for the last row): a
-- filter, not an aggregate over every day. Sorted by until_day, so that the filter skips every row
-- group that ended before D: the standing at the latest day reads the last few row groups only.
create or replace table roll_worker_day as
select worker_id, day, knocked, visits, next_day, coalesce(next_day, date '9999-12-31') as until_day
from (
    select worker_id, day, knocked, visits, lead(day) over (partition by worker_id order by day) as next_day
    from (
        select worker_id, day, sum(knocked)::bigint as knocked, sum(visits)::bigint as visits
        from roll_worker_street_day
        group by worker_id, day
    )
)
order by until_day, day;

-- Every worker with the street they belong to: their micro-grid's street, else (grid secretaries,
-- volunteers) the street where they knocked the most households, else none.
create or replace table worker_home as
with knocked_most as (
    select worker_id, arg_max(street_id, knocked) as street_id
    from (select worker_id, street_id, sum(knocked) as knocked from roll_worker_street_day group by all)
    group by worker_id
)
select w.worker_id, w.role, w.micro_grid_id, t.grid_id, coalesce(t.street_id, k.street_id) as street_id
from workers w
left join territory t using (micro_grid_id)
left join knocked_most k using (worker_id)
order by street_id, worker_id;
