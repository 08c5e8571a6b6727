-- name: inspections_daily
-- Inspections made per day, and businesses closed on each day: a business is closed on day D when a
-- `suspended` inspection covers D, from inspected_on until reopened_on (else inspected_on +
-- suspension_days; a suspension with neither has no known end and stays closed).
-- One row per day from $start to $end; $street null means the whole district.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
scoped as (
    select * from inspections
    where $street::varchar is null or street_id = $street
),
made as (
    select inspected_on as day, count(*) as inspections
    from scoped
    where inspected_on between $start::date and $end::date
    group by inspected_on
),
closed as (
    select s.day, count(distinct i.business_id) as closed_businesses
    from spine s
    join scoped i
      on i.outcome = 'suspended'
     and i.inspected_on <= s.day
     and s.day < coalesce(i.reopened_on, i.inspected_on + i.suspension_days, date '9999-12-31')
    group by s.day
)
select s.day, coalesce(m.inspections, 0)::bigint as inspections,
       coalesce(c.closed_businesses, 0)::bigint as closed_businesses
from spine s
left join made m using (day)
left join closed c using (day)
order by s.day
