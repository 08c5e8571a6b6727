-- name: inspections_daily
-- Inspections made per day, by outcome (pass, rectify 责令整改, suspended 停业整顿, fined; failed =
-- any outcome other than pass), and businesses closed on each day: a business is closed on day D
-- when a `suspended` inspection covers D, from inspected_on until reopened_on (else inspected_on +
-- suspension_days; a suspension with neither has no known end and stays closed). The `closures`
-- rollup (knockboard/rollups/60_inspections.sql) holds that definition.
-- One row per day from $start to $end; $street null means the whole district. $scope (a street, or
-- null for the district) bounds everything; businesses of no known street count only in the district.
with spine as (
    select unnest(generate_series($start::date, $end::date, interval 1 day))::date as day
),
made as (
    select inspected_on as day, count(*) as inspections,
           count(*) filter (where outcome = 'pass') as pass,
           count(*) filter (where outcome = 'rectify') as rectify,
           count(*) filter (where outcome = 'suspended') as suspended,
           count(*) filter (where outcome = 'fined') as fined,
           count(*) filter (where outcome <> 'pass') as failed
    from inspections
    where inspected_on between $start::date and $end::date
      and ($street::varchar is null or street_id = $street)
      and ($scope::varchar is null or street_id = $scope)
    group by inspected_on
),
closed as (
    select s.day, count(distinct c.business_id) as closed_businesses
    from spine s
    join closures c
      on c.closed_from <= s.day and (c.closed_until is null or s.day < c.closed_until)
    where ($street::varchar is null or c.street_id = $street)
      and ($scope::varchar is null or c.street_id = $scope)
    group by s.day
)
select s.day, coalesce(m.inspections, 0)::bigint as inspections,
       coalesce(c.closed_businesses, 0)::bigint as closed_businesses,
       coalesce(m.pass, 0)::bigint as pass, coalesce(m.rectify, 0)::bigint as rectify,
       coalesce(m.suspended, 0)::bigint as suspended, coalesce(m.fined, 0)::bigint as fined,
       coalesce(m.failed, 0)::bigint as failed
from spine s
left join made m using (day)
left join closed c using (day)
order by s.day
