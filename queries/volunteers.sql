-- name: street_hours
-- Volunteer hours per street on day $day and the day before. $scope (a street, or null for the
-- district) bounds the streets listed.
select s.street_id,
       coalesce(sum(r.hours) filter (where r.day = $day::date), 0) as hours,
       coalesce(sum(r.hours) filter (where r.day = $day::date - 1), 0) as hours_prev
from streets s
left join roll_shifts_street_day r on r.street_id = s.street_id and r.day between $day::date - 1 and $day::date
where $scope::varchar is null or s.street_id = $scope
group by s.street_id
order by s.street_id
