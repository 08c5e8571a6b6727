-- name: knocked_daily
-- Households knocked per day (distinct households with at least one visit that day, any outcome)
-- and its 7-day average (mean of the 7 days ending that day; days with no visits count as 0; days
-- before the campaign's first day with visits anywhere are not counted, so its first days average
-- over fewer days). Also: first visits (households visited for the first time ever) and revisits
-- (= knocked - first visits: households knocked that day that had been visited on an earlier day),
-- visits by outcome (met, not_home, refused, vacant: visits, not households), households newly
-- covered, covered households to date (at least one met or vacant visit since the campaign began)
-- against registered households, and the findings of the day's visits (returnees from outside,
-- yellow and red health codes, visits flagging a follow-up).
-- One row per day from $start to $end; $street null means the whole district. $scope (a street, or
-- null for the district) bounds everything; only the campaign's first day (which the 7-day average
-- starts from) stays the district's, so that a street reads the same with or without a scope.
with registered as (
    select coalesce(sum(registered), 0)::bigint as registered
    from registered_by_street
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
),
campaign as (
    select min(day) as first_day from roll_visits_street_day
),
per_day as (
    select day,
           sum(knocked) as knocked, sum(visits) as visits, sum(met) as met,
           sum(not_home) as not_home, sum(refused) as refused, sum(vacant) as vacant,
           sum(first_visits) as first_visits, sum(newly_covered) as newly_covered,
           sum(returnees) as returnees, sum(yellow_codes) as yellow_codes,
           sum(red_codes) as red_codes, sum(followups) as followups
    from roll_visits_street_day
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and day <= $end::date
    group by day
),
spine as (
    select unnest(generate_series(
        least($start::date, coalesce((select first_day from campaign), $start::date)), $end::date,
        interval 1 day))::date as day
),
filled as (
    select s.day,
           coalesce(knocked, 0)::bigint as knocked, coalesce(visits, 0)::bigint as visits,
           coalesce(met, 0)::bigint as met, coalesce(not_home, 0)::bigint as not_home,
           coalesce(refused, 0)::bigint as refused, coalesce(vacant, 0)::bigint as vacant,
           coalesce(first_visits, 0)::bigint as first_visits,
           coalesce(newly_covered, 0)::bigint as newly_covered,
           coalesce(returnees, 0)::bigint as returnees, coalesce(yellow_codes, 0)::bigint as yellow_codes,
           coalesce(red_codes, 0)::bigint as red_codes, coalesce(followups, 0)::bigint as followups,
           sum(coalesce(knocked, 0)) over (order by s.day rows between 6 preceding and current row)
               as knocked_7d,
           sum(coalesce(newly_covered, 0)) over (order by s.day)::bigint as covered_to_date
    from spine s
    left join per_day p using (day)
)
select f.day, f.knocked,
       case when f.day >= c.first_day
            then f.knocked_7d / least(7, f.day - c.first_day + 1) end as knocked_avg7,
       f.first_visits, (f.knocked - f.first_visits)::bigint as revisits,
       f.visits, f.met, f.not_home, f.refused, f.vacant,
       f.newly_covered, f.covered_to_date, r.registered,
       coverage_of(f.covered_to_date, r.registered) as coverage,
       f.returnees, f.yellow_codes, f.red_codes, f.followups
from filled f, registered r, campaign c
where f.day >= $start::date
order by f.day

-- name: knocked_by_unit
-- Per unit — the streets of the district, or the grids of street $street when one is chosen — on
-- day $day: households knocked, the 7-day average of households knocked (the 7 days ending $day,
-- as in knocked_daily), first visits and revisits (= knocked - first visits), covered households to
-- date, registered households and coverage (covered / registered). Every unit in scope is listed,
-- visited or not; ordered by unit id. $scope (a street, or null for the district) bounds
-- everything: with $street null, its street is the one unit (the campaign's first day is the
-- district's, as in knocked_daily).
with campaign as (
    select min(day) as first_day from roll_visits_street_day
),
units as (
    select * from units_named($street::varchar, $scope::varchar)
),
per_unit as (
    select case when $street::varchar is null then street_id else grid_id end as unit_id,
           sum(knocked) filter (where day = $day::date) as knocked,
           sum(knocked) filter (where day > $day::date - 7) as knocked_7d,
           sum(first_visits) filter (where day = $day::date) as first_visits,
           sum(newly_covered) as covered_to_date
    from roll_visits_grid_day
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and day <= $day::date
    group by unit_id
)
select u.unit_id, u.name_zh, u.name_en,
       coalesce(p.knocked, 0)::bigint as knocked,
       case when $day::date >= c.first_day
            then coalesce(p.knocked_7d, 0) / least(7, $day::date - c.first_day + 1) end as knocked_avg7,
       coalesce(p.first_visits, 0)::bigint as first_visits,
       (coalesce(p.knocked, 0) - coalesce(p.first_visits, 0))::bigint as revisits,
       coalesce(p.covered_to_date, 0)::bigint as covered_to_date,
       u.registered,
       coverage_of(p.covered_to_date, u.registered) as coverage
from units u
left join per_unit p using (unit_id)
cross join campaign c
order by u.unit_id

-- name: outcomes_by_unit
-- Per unit (the streets of the district, or the grids of street $street) over the days $start to
-- $end: visits and their outcomes (met, not_home, refused, vacant) with each outcome's share of the
-- visits, household-days knocked (the sum over the days of households knocked), and the findings at
-- the doors: returnees from outside, yellow and red health codes, visits flagging a follow-up.
-- Every unit in scope is listed; ordered by unit id. $scope (a street, or null for the district)
-- bounds everything: with $street null, its street is the one unit.
with units as (
    select * from units_named($street::varchar, $scope::varchar)
),
per_unit as (
    select case when $street::varchar is null then street_id else grid_id end as unit_id,
           sum(knocked) as knocked, sum(visits) as visits, sum(met) as met, sum(not_home) as not_home,
           sum(refused) as refused, sum(vacant) as vacant, sum(returnees) as returnees,
           sum(yellow_codes) as yellow_codes, sum(red_codes) as red_codes, sum(followups) as followups
    from roll_visits_grid_day
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and day between $start::date and $end::date
    group by unit_id
),
filled as (
    select u.unit_id, u.name_zh, u.name_en,
           coalesce(knocked, 0)::bigint as knocked, coalesce(visits, 0)::bigint as visits,
           coalesce(met, 0)::bigint as met, coalesce(not_home, 0)::bigint as not_home,
           coalesce(refused, 0)::bigint as refused, coalesce(vacant, 0)::bigint as vacant,
           coalesce(returnees, 0)::bigint as returnees, coalesce(yellow_codes, 0)::bigint as yellow_codes,
           coalesce(red_codes, 0)::bigint as red_codes, coalesce(followups, 0)::bigint as followups
    from units u
    left join per_unit p using (unit_id)
)
select *,
       case when visits > 0 then met / visits end as met_share,
       case when visits > 0 then not_home / visits end as not_home_share,
       case when visits > 0 then refused / visits end as refused_share,
       case when visits > 0 then vacant / visits end as vacant_share
from filled
order by unit_id

-- name: followups_daily
-- Households awaiting follow-up per day. A household awaits follow-up at the end of day D when its
-- latest visit up to the end of D flagged needs_followup (a flag cleared by a later visit the same
-- day does not count). Per day: households flagged (a spell of awaiting starts), cleared (a later
-- visit no longer flags them), and awaiting at the end of the day.
-- One row per day from $start to $end; $street null means the whole district. $scope (a street, or
-- null for the district) bounds everything.
with scoped as (
    select flagged_day, cleared_day from followup_spells
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and flagged_day <= $end::date
),
flagged as (select flagged_day as day, count(*) as n from scoped group by all),
cleared as (select cleared_day as day, count(*) as n from scoped where cleared_day <= $end::date group by all),
spine as (
    select unnest(generate_series(
        least($start::date, coalesce((select min(flagged_day) from scoped), $start::date)), $end::date,
        interval 1 day))::date as day
),
running as (
    -- a spell flagged and cleared on the same day adds and removes itself on that day
    select s.day, coalesce(f.n, 0)::bigint as flagged, coalesce(c.n, 0)::bigint as cleared,
           (sum(coalesce(f.n, 0)) over (order by s.day)
            - sum(coalesce(c.n, 0)) over (order by s.day))::bigint as awaiting
    from spine s
    left join flagged f using (day)
    left join cleared c using (day)
)
select day, flagged, cleared, awaiting
from running
where day >= $start::date
order by day

-- name: followups_by_unit
-- Households awaiting follow-up at the end of day $day (their latest visit up to then flagged
-- needs_followup; see followups_daily) per unit — the streets of the district, or the grids of
-- street $street — with why they were flagged (the flagging visit: returnee from outside, yellow
-- code, red code; a visit can give more than one reason) and the day the oldest was flagged.
-- Every unit in scope is listed; most households awaiting first. $scope (a street, or null for the
-- district) bounds everything: with $street null, its street is the one unit.
with units as (
    select * from units_named($street::varchar, $scope::varchar)
),
awaiting as (
    select case when $street::varchar is null then street_id else grid_id end as unit_id,
           count(*) as awaiting,
           count(*) filter (where returnee) as returnees,
           count(*) filter (where yellow_code) as yellow_codes,
           count(*) filter (where red_code) as red_codes,
           min(flagged_day) as oldest_flagged_day
    from followup_spells
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and flagged_day <= $day::date and (cleared_day is null or cleared_day > $day::date)
    group by unit_id
)
select u.unit_id, u.name_zh, u.name_en,
       coalesce(a.awaiting, 0)::bigint as awaiting, coalesce(a.returnees, 0)::bigint as returnees,
       coalesce(a.yellow_codes, 0)::bigint as yellow_codes, coalesce(a.red_codes, 0)::bigint as red_codes,
       a.oldest_flagged_day
from units u
left join awaiting a using (unit_id)
order by awaiting desc, u.unit_id

-- name: followups_awaiting
-- The households awaiting follow-up at the end of day $day (their latest visit up to then flagged
-- needs_followup), longest waiting first, at most $limit rows: where they are (street, grid,
-- micro-grid), the day they were flagged, days waiting ($day - flagged day) and why (the flagging
-- visit's findings). No addresses: the list is for planning, the street clerks hold the addresses.
-- $scope (a street, or null for the district) bounds everything.
select f.household_id, f.street_id, s.name_zh as street_zh, s.name_en as street_en,
       g.name_zh as grid_zh, m.name_zh as micro_grid_zh,
       f.flagged_day, ($day::date - f.flagged_day)::integer as days_waiting,
       f.returnee, f.yellow_code, f.red_code
from followup_spells f
left join streets s using (street_id)
left join grids g using (grid_id)
left join micro_grids m using (micro_grid_id)
where ($street::varchar is null or f.street_id = $street)
  and ($scope::varchar is null or f.street_id = $scope)
  and f.flagged_day <= $day::date and (f.cleared_day is null or f.cleared_day > $day::date)
order by f.flagged_day, f.household_id
limit $limit

-- name: worker_day_distribution
-- Households knocked per worker per day, as a distribution: for each number of households k, how
-- many worker-days (a worker on a day with at least one visit) knocked exactly k distinct
-- households, over the days $start to $end. With street $street, only that street's households
-- count. Ordered by k. $scope (a street, or null for the district) bounds everything:
-- with $street null it stands for $street; with another street than $scope, nothing counts.
with worker_days as (
    select knocked from roll_worker_day
    where $street::varchar is null and $scope::varchar is null
      and day between $start::date and $end::date
    union all
    select knocked from roll_worker_street_day
    where street_id = coalesce($street::varchar, $scope::varchar)
      and ($scope::varchar is null or street_id = $scope)
      and day between $start::date and $end::date
)
select knocked::bigint as households, count(*)::bigint as worker_days
from worker_days
group by knocked
order by knocked

-- name: worker_day_summary
-- Summary of households knocked per worker per day over the days $start to $end (worker-days as in
-- worker_day_distribution): worker-days, the mean, the median and 90th percentile (nearest rank:
-- the smallest k such that at least half, or 90 %, of the worker-days knocked k households or
-- fewer), the maximum, and the worker-days at or above $benchmark households (the article's busy
-- day: one grid secretary knocked 325 households). Read from the distribution, not from every day.
-- $scope (a street, or null for the district) bounds everything, as in worker_day_distribution.
with worker_days as (
    select knocked from roll_worker_day
    where $street::varchar is null and $scope::varchar is null
      and day between $start::date and $end::date
    union all
    select knocked from roll_worker_street_day
    where street_id = coalesce($street::varchar, $scope::varchar)
      and ($scope::varchar is null or street_id = $scope)
      and day between $start::date and $end::date
),
distribution as (
    select knocked, count(*) as n from worker_days group by knocked
),
ranked as (
    select knocked, n, sum(n) over (order by knocked) as cumulative, sum(n) over () as total
    from distribution
)
select coalesce(sum(n), 0)::bigint as worker_days,
       sum(knocked * n) / sum(n) as mean,
       min(knocked) filter (where cumulative >= 0.5 * total) as median,
       min(knocked) filter (where cumulative >= 0.9 * total) as p90,
       coalesce(max(knocked), 0)::bigint as max,
       coalesce(sum(n) filter (where knocked >= $benchmark::integer), 0)::bigint as at_benchmark
from ranked

-- name: worker_busiest_days
-- The $limit busiest worker-days over the days $start to $end: the worker, their role, the day and
-- the distinct households they knocked that day (and visits made), in street $street only when one
-- is chosen. Most households first. $scope (a street, or null for the district) bounds everything,
-- as in worker_day_distribution.
with worker_days as (
    select worker_id, day, knocked, visits from roll_worker_day
    where $street::varchar is null and $scope::varchar is null
      and day between $start::date and $end::date
    union all
    select worker_id, day, knocked, visits from roll_worker_street_day
    where street_id = coalesce($street::varchar, $scope::varchar)
      and ($scope::varchar is null or street_id = $scope)
      and day between $start::date and $end::date
),
busiest as (
    select * from worker_days order by knocked desc, day, worker_id limit $limit
)
select b.worker_id, h.role, b.day, b.knocked::bigint as households, b.visits::bigint as visits
from busiest b
left join worker_home h using (worker_id)
order by b.knocked desc, b.day, b.worker_id

-- name: workers_idle_summary
-- Workers (workers table; a worker's street is their micro-grid's, else where they knocked the most)
-- in scope, and those with no visit anywhere in the $days days up to and including $day: idle ones,
-- and among them those with no visit at all up to $day. $street null means the whole district.
-- $scope (a street, or null for the district) bounds the workers counted, as $street does (their
-- last visit counts wherever it was); workers of no known street count only in the district.
with last_visit as (
    -- each worker's last day with a visit up to $day (see roll_worker_day)
    select worker_id, day as last_day from roll_worker_day
    where day <= $day::date and until_day > $day::date
)
select count(*)::bigint as workers,
       count(*) filter (where l.last_day is null or l.last_day <= $day::date - $days::integer)::bigint as idle,
       count(*) filter (where l.last_day is null)::bigint as never_visited
from worker_home h
left join last_visit l using (worker_id)
where ($street::varchar is null or h.street_id = $street)
  and ($scope::varchar is null or h.street_id = $scope)

-- name: workers_idle_by_unit
-- Workers with no visit in the $days days up to and including $day, per unit (the streets of the
-- district, or the grids of street $street; by the worker's street and grid as in
-- workers_idle_summary; a worker without a micro-grid counts in their street but in no grid),
-- against the workers of the unit. Every unit in scope is listed; most idle first. $scope (a street,
-- or null for the district) bounds everything: with $street null, its street is the one unit.
with units as (
    select * from units_named($street::varchar, $scope::varchar)
),
last_visit as (
    select worker_id, day as last_day from roll_worker_day
    where day <= $day::date and until_day > $day::date
),
per_unit as (
    select case when $street::varchar is null then h.street_id else h.grid_id end as unit_id,
           count(*) as workers,
           count(*) filter (where l.last_day is null or l.last_day <= $day::date - $days::integer) as idle
    from worker_home h
    left join last_visit l using (worker_id)
    where ($street::varchar is null or h.street_id = $street)
      and ($scope::varchar is null or h.street_id = $scope)
    group by unit_id
)
select u.unit_id, u.name_zh, u.name_en,
       coalesce(p.workers, 0)::bigint as workers, coalesce(p.idle, 0)::bigint as idle,
       case when p.workers > 0 then p.idle / p.workers end as idle_share
from units u
left join per_unit p using (unit_id)
order by idle desc, u.unit_id

-- name: workers_idle
-- The workers with no visit in the $days days up to and including $day (as in
-- workers_idle_summary), longest idle first (never visited first), at most $limit rows: role,
-- street, grid, micro-grid, their last day with a visit up to $day and the days since. $scope (a
-- street, or null for the district) bounds the workers listed, as in workers_idle_summary.
with last_visit as (
    select worker_id, day as last_day from roll_worker_day
    where day <= $day::date and until_day > $day::date
)
select h.worker_id, h.role, h.street_id, s.name_zh as street_zh, s.name_en as street_en,
       g.name_zh as grid_zh, m.name_zh as micro_grid_zh,
       l.last_day, ($day::date - l.last_day)::integer as days_since
from worker_home h
left join last_visit l using (worker_id)
left join streets s on s.street_id = h.street_id
left join grids g on g.grid_id = h.grid_id
left join micro_grids m on m.micro_grid_id = h.micro_grid_id
where ($street::varchar is null or h.street_id = $street)
  and ($scope::varchar is null or h.street_id = $scope)
  and (l.last_day is null or l.last_day <= $day::date - $days::integer)
order by l.last_day nulls first, h.worker_id
limit $limit
