-- name: leads_daily
-- Police big-data leads per day: received, verified, verified valid, the valid rate of that day's
-- verifications, and the backlog at the end of the day of leads pending for more than 24 hours
-- (received before the day began and not verified by its end).
-- One row per day from $start to $end; $street null means the whole district.
with per_day as (
    select day, sum(received) as received, sum(verified) as verified, sum(valid) as valid,
           sum(verified_same_day) as verified_same_day
    from roll_leads_street_day
    where ($street::varchar is null or street_id = $street) and day <= $end::date
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
-- Leads received since the campaign began up to the end of $day, and how many were verified valid.
select coalesce(sum(received), 0)::bigint as received, coalesce(sum(valid), 0)::bigint as valid,
       coalesce(sum(verified), 0)::bigint as verified
from roll_leads_street_day
where day <= $day::date and ($street::varchar is null or street_id = $street)
