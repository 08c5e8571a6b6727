-- name: leads_daily
-- Police big-data leads per day: received, verified, verified valid, the valid rate of that day's
-- verifications, and the backlog at the end of the day of leads pending for more than 24 hours
-- (received before the day began and not verified by its end).
-- One row per day from $start to $end; $street null means the whole district. $scope (a street, or
-- null for the district) bounds everything.
with per_day as (
    select day, sum(received) as received, sum(verified) as verified, sum(valid) as valid,
           sum(verified_same_day) as verified_same_day
    from roll_leads_street_day
    where ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
      and day <= $end::date
    group by day
),
spine as (
    select unnest(generate_series(
        least($start::date, (select min(day) from per_day)), $end::date, interval 1 day))::date as day
),
running as (
    select s.day,
           coalesce(received, 0)::bigint as received, coalesce(verified, 0)::bigint as verified,
           coalesce(valid, 0)::bigint as valid,
           sum(coalesce(received, 0)) over (order by s.day rows between unbounded preceding and 1 preceding)
               as received_before,
           sum(coalesce(verified, 0)) over (order by s.day) as verified_by_end,
           coalesce(verified_same_day, 0) as verified_same_day
    from spine s
    left join per_day p using (day)
)
select day, received, verified, valid,
       case when verified > 0 then valid / verified end as valid_rate,
       (coalesce(received_before, 0) - (verified_by_end - verified_same_day))::bigint as pending_over_24h
from running
where day >= $start::date
order by day

-- name: leads_totals
-- Leads received since the campaign began up to the end of $day, and how many were verified valid;
-- also how many were verified (valid or invalid) and the valid rate of those verifications.
-- $street null means the whole district. $scope (a street, or null for the district) bounds everything.
select coalesce(sum(received), 0)::bigint as received, coalesce(sum(valid), 0)::bigint as valid,
       coalesce(sum(verified), 0)::bigint as verified,
       case when sum(verified) > 0 then sum(valid) / sum(verified) end as valid_rate
from roll_leads_street_day
where day <= $day::date and ($street::varchar is null or street_id = $street)
  and ($scope::varchar is null or street_id = $scope)

-- name: leads_kind_daily
-- Police big-data leads per day and kind (companion 时空伴随, returnee 外地返通, risk_area 中高风险地区):
-- received that day, verified that day, and verified valid. One row per day from $start to $end and
-- kind (zeros included); $street null means the whole district. $scope (a street, or null for the
-- district) bounds everything.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
kinds as (
    select kind from dim_lead_kinds
),
per_day as (
    select day, kind, sum(received) as received, sum(verified) as verified, sum(valid) as valid
    from roll_leads_kind_street_day
    where day between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by day, kind
)
select s.day, k.kind, coalesce(p.received, 0)::bigint as received,
       coalesce(p.verified, 0)::bigint as verified, coalesce(p.valid, 0)::bigint as valid
from spine s
cross join kinds k
left join per_day p on p.day = s.day and p.kind = k.kind
order by s.day, k.kind

-- name: leads_by_kind
-- Leads per kind from $start to the end of $day: received, verified, verified valid and the valid
-- rate (valid / verified); and, whatever $start, the leads of that kind pending at the end of $day
-- (received by then and not verified by then). $street null means the whole district.
-- $scope (a street, or null for the district) bounds everything.
with kinds as (
    select kind from dim_lead_kinds
),
sums as (
    select kind,
           sum(received) filter (where day >= $start::date) as received,
           sum(verified) filter (where day >= $start::date) as verified,
           sum(valid) filter (where day >= $start::date) as valid,
           sum(received) - sum(verified) as pending
    from roll_leads_kind_street_day
    where day <= $day::date and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by kind
)
select k.kind, coalesce(s.received, 0)::bigint as received, coalesce(s.verified, 0)::bigint as verified,
       coalesce(s.valid, 0)::bigint as valid,
       case when s.verified > 0 then s.valid / s.verified end as valid_rate,
       coalesce(s.pending, 0)::bigint as pending
from kinds k
left join sums s using (kind)
order by k.kind

-- name: leads_by_street
-- Leads per street (all streets, for comparison; the street filter does not apply): from $start to
-- the end of $day received, verified, verified valid and the valid rate; on $day itself received and
-- verified; at the end of $day the leads pending (received by then and not verified by then) and
-- pending for more than 24 hours (received before $day began and not verified by its end), as in
-- leads_daily. Most pending over 24 h first. $scope (a street, or null for the district) still
-- bounds everything: a street-scoped user gets their street's row only.
with sums as (
    select street_id,
           sum(received) filter (where day >= $start::date) as received,
           sum(verified) filter (where day >= $start::date) as verified,
           sum(valid) filter (where day >= $start::date) as valid,
           sum(received) filter (where day = $day::date) as received_on_day,
           sum(verified) filter (where day = $day::date) as verified_on_day,
           sum(received) - sum(verified) as pending,
           coalesce(sum(received) filter (where day < $day::date), 0)
             - (sum(verified) - coalesce(sum(verified_same_day) filter (where day = $day::date), 0))
             as pending_over_24h
    from roll_leads_street_day
    where day <= $day::date and ($scope::varchar is null or street_id = $scope)
    group by street_id
)
select st.street_id, st.name_zh, st.name_en,
       coalesce(s.received, 0)::bigint as received, coalesce(s.verified, 0)::bigint as verified,
       coalesce(s.valid, 0)::bigint as valid,
       case when s.verified > 0 then s.valid / s.verified end as valid_rate,
       coalesce(s.received_on_day, 0)::bigint as received_on_day,
       coalesce(s.verified_on_day, 0)::bigint as verified_on_day,
       coalesce(s.pending, 0)::bigint as pending,
       coalesce(s.pending_over_24h, 0)::bigint as pending_over_24h
from streets st
left join sums s using (street_id)
where $scope::varchar is null or st.street_id = $scope
order by pending_over_24h desc, st.street_id

-- name: leads_verify_time
-- Time to verify (verified_at - received_at, in hours, counted in tenths of an hour: 6-minute steps,
-- rounded down) of the leads verified each day from $start to $end, and (the row with day null) of
-- all the leads verified in that window: how many, the median and the 90th percentile. Quantiles are
-- continuous, as quantile_cont: the value at position q * (n - 1) of the n sorted times, interpolated
-- between its neighbours; null when none were verified. Read from the roll_leads_verify_hist counts.
-- $street null means the whole district. $scope (a street, or null for the district) bounds everything.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
    union all
    select null
),
hist as (
    select day, tenths, sum(leads) as n
    from roll_leads_verify_hist
    where day between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by grouping sets ((day, tenths), (tenths))
),
ranked as (
    -- `before`: how many times are shorter; so the bucket holds sorted positions before .. before + n - 1
    select day, tenths, sum(n) over (partition by day order by tenths) - n as before,
           sum(n) over (partition by day) as total
    from hist
),
neighbours as (
    -- the time at sorted position k is the largest bucket with before <= k
    select day, total,
           max(tenths) filter (where before <= floor(0.5 * (total - 1))) as median_lo,
           max(tenths) filter (where before <= ceil(0.5 * (total - 1))) as median_hi,
           max(tenths) filter (where before <= floor(0.9 * (total - 1))) as p90_lo,
           max(tenths) filter (where before <= ceil(0.9 * (total - 1))) as p90_hi
    from ranked
    group by day, total
)
select s.day, coalesce(q.total, 0)::bigint as verified,
       (q.median_lo + (0.5 * (q.total - 1) - floor(0.5 * (q.total - 1))) * (q.median_hi - q.median_lo)) / 10.0
           as median_hours,
       (q.p90_lo + (0.9 * (q.total - 1) - floor(0.9 * (q.total - 1))) * (q.p90_hi - q.p90_lo)) / 10.0
           as p90_hours
from spine s
left join neighbours q on q.day is not distinct from s.day
order by s.day nulls last

-- name: leads_backlog_by_age
-- The pending backlog at the end of $day by age: leads received by the end of $day and not verified
-- by then, by hours since receipt at the end of $day, in buckets (0, 6], (6, 24], (24, 48] and over
-- 48 hours (to_hours null). over_24h marks the buckets older than 24 hours; their sum is leads_daily's
-- pending_over_24h. Every bucket appears, zeros included. $street null means the whole district.
-- $scope (a street, or null for the district) bounds everything.
with pending as (
    select date_diff('second', received_at, $day::date + interval 1 day) / 3600.0 as age_hours
    from leads
    where received_at < $day::date + interval 1 day
      and (verified_at is null or verified_at >= $day::date + interval 1 day)
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
),
buckets as (
    select * from (values (1, 0, 6), (2, 6, 24), (3, 24, 48), (4, 48, null)) b(bucket, from_hours, to_hours)
)
select b.bucket, b.from_hours, b.to_hours, b.from_hours >= 24 as over_24h,
       count(p.age_hours)::bigint as leads
from buckets b
left join pending p
       on p.age_hours > b.from_hours and (b.to_hours is null or p.age_hours <= b.to_hours)
group by b.bucket, b.from_hours, b.to_hours
order by b.bucket
