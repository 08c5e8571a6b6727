-- name: shifts_daily
-- Volunteer hours (sum of shift hours) and active volunteers (distinct volunteers with a shift)
-- per day from $start to $end; $street null means the whole district.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
per_day as (
    select shift_date as day, sum(hours) as hours, count(distinct volunteer_id) as active_volunteers,
           count(*) as shifts
    from shifts
    where shift_date between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
    group by shift_date
)
select s.day, coalesce(p.hours, 0) as hours,
       coalesce(p.active_volunteers, 0)::bigint as active_volunteers,
       coalesce(p.shifts, 0)::bigint as shifts
from spine s
left join per_day p using (day)
order by s.day

-- name: street_hours
-- Volunteer hours per street on day $day and the day before.
select s.street_id,
       coalesce(sum(r.hours) filter (where r.day = $day::date), 0) as hours,
       coalesce(sum(r.hours) filter (where r.day = $day::date - 1), 0) as hours_prev
from streets s
left join roll_shifts_street_day r on r.street_id = s.street_id and r.day between $day::date - 1 and $day::date
group by s.street_id
order by s.street_id
