"""The hand-built store of tests/fixtures.py plus the people the field pages count: workers, more
visits (follow-ups flagged and cleared, a grid secretary, a worker knocking in two streets) and
more volunteers (a "two new" member, a retiree with no shift yet, a volunteer with no team).

Every visit of this store (base V1-V9, added V10-V15), in the order of each household:
  H1 (S1): V1  d1 09:00 W1  met, returnee, follow-up      V9  d3 15:00 W1 met (clears H1)
  H2 (S1): V2  d1 09:10 W1  not_home    V3 d1 19:00 W1 not_home    V5 d2 18:30 W1 met, yellow, follow-up
  H3 (S1): V6  d2 09:30 W1  refused     V8 d3 11:00 W1 not_home
  H5 (S2): V4  d1 10:00 W3  vacant      V14 d3 12:00 WS1 vacant
  H6 (S2): V7  d2 10:30 W3  not_home    V10 d3 10:00 W3 met, returnee, follow-up
                                       V11 d3 16:00 W3 met (clears H6 the same day)
  H7 (S2): V15 d1 17:00 W1  not_home    V12 d2 11:00 WS1 met, yellow, follow-up
                                       V13 d3 11:00 WS1 met, red, follow-up (still flagged)
Per day, district: knocked d1 = 4 (H1 H2 H5 H7), d2 = 4 (H2 H3 H6 H7), d3 = 5 (H1 H3 H5 H6 H7).
First visits d1 = 4, d2 = 2 (H3 H6), d3 = 0. Newly covered d1 = 2 (H1 met, H5 vacant),
d2 = 2 (H2, H7), d3 = 1 (H6): covered to date 2, 4, 5 of 7 registered.
Follow-up spells (flagged day, cleared day): H1 (d1, d3), H2 (d2, open), H7 (d2, open), H6 (d3, d3).

Workers: W1 (micro-grid M1, street S1), W2 (M2, S1, never visits), W3 (M3, S2), WS1 (grid
secretary, no micro-grid; knocks only in S2, so belongs to S2).
Households per worker-day: W1 d1 = 3 (H1 H2 in S1, H7 in S2), d2 = 2, d3 = 2; W3 d1 = d2 = d3 = 1;
WS1 d2 = 1, d3 = 2 (H7 H5).

Volunteers (base P1, P2; added P3-P5), their team's street, and shifts (base F1-F4; added F5, F6):
  P1 organ, party, team T2 (S2):          F1 d2 4 h checkpoint G1/S1, F2 d2 2 h publicity G1/S1
  P2 community, party, retired, T1 (S1), joined d2: F3 d2 3 h door_to_door G3/S2, F4 d3 5 h door_to_door G3/S2
  P3 two_new, not party, T3 (S2), joined d1:        F5 d1 2.5 h checkpoint G3/S2
  P4 community, party, retired, T1 (S1), joined d3: no shift
  P5 community, party, no team, joined unknown:     F6 d3 1.5 h checkpoint G1/S1
"""

from pathlib import Path

from tests.fixtures import D1, D2, D3, add_rows, build_hand_store

PEOPLE = f"""
insert into workers (worker_id, name, role, micro_grid_id) values ('W1', null, 'micro_grid_worker', 'M1'), ('W2', null, 'micro_grid_worker', 'M2'),
                           ('W3', null, 'micro_grid_worker', 'M3'), ('WS1', '张燕', 'grid_secretary', null);
insert into visits (visit_id, household_id, visited_at, worker_id, outcome, residents_seen, returned_from_outside, health_code, needs_followup, visit_day, micro_grid_id, street_id) values
 ('V10', 'H6', '{D3} 10:00', 'W3',  'met',      2, true,  'green',  true,  '{D3}', 'M3', 'S2'),
 ('V11', 'H6', '{D3} 16:00', 'W3',  'met',      4, false, 'green',  false, '{D3}', 'M3', 'S2'),
 ('V12', 'H7', '{D2} 11:00', 'WS1', 'met',      2, false, 'yellow', true,  '{D2}', 'M3', 'S2'),
 ('V13', 'H7', '{D3} 11:00', 'WS1', 'met',      2, false, 'red',    true,  '{D3}', 'M3', 'S2'),
 ('V14', 'H5', '{D3} 12:00', 'WS1', 'vacant',   0, false, null,     false, '{D3}', 'M3', 'S2'),
 ('V15', 'H7', '{D1} 17:00', 'W1',  'not_home', 0, false, null,     false, '{D1}', 'M3', 'S2');
insert into teams (team_id, grid_id, street_id, name, kind, name_en) values ('T3', 'G3', 'S2', '乙一两新组织党员志愿服务队', 'two_new', null);
insert into volunteers (volunteer_id, name, team_id, org_type, is_party_member, retired, joined_on) values ('P3', '赵敏', 'T3', 'two_new', false, false, '{D1}'),
                              ('P4', '孙丽', 'T1', 'community', true, true, '{D3}'),
                              ('P5', '周杰', null, 'community', true, false, null);
insert into shifts (shift_id, volunteer_id, shift_date, hours, post_category, grid_id, street_id) values ('F5', 'P3', '{D1}', 2.5, 'checkpoint', 'G3', 'S2'),
                          ('F6', 'P5', '{D3}', 1.5, 'checkpoint', 'G1', 'S1');
"""


def build_people_store(path: Path) -> Path:
    return add_rows(build_hand_store(path), PEOPLE)
