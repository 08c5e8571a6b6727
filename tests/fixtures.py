"""A tiny hand-built store whose every answer is worked out by hand (see the comments).

Territory: street S1 (甲) with grids G1 (micro-grid M1, 4 households) and G2 (micro-grid M2, no
households: registered 0); street S2 (乙) with grid G3 (micro-grid M3, 3 households). 7 registered.
Days: d1 = 1 March 2022, d2 = 2 March, d3 = 3 March.
"""

from pathlib import Path

from knockboard import store

D1, D2, D3, D4 = "2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04"

TERRITORY = """
insert into streets (street_id, name_zh, name_en, lat, lon, boundary) values ('S1', '甲', 'Jia', 32.0, 120.8, null), ('S2', '乙', 'Yi', 32.1, 120.9, null);
insert into communities (community_id, street_id, name_zh, name_en, kind) values ('C1', 'S1', '甲一社区', null, 'community'), ('C2', 'S2', '乙一村', null, 'village');
insert into grids (grid_id, community_id, name_zh, name_en, lat, lon, boundary) values ('G1', 'C1', '甲一第1网格', null, 32.0, 120.8, null),
                         ('G2', 'C1', '甲一第2网格', null, 32.0, 120.81, null),
                         ('G3', 'C2', '乙一第1网格', null, 32.1, 120.9, null);
insert into neighbourhoods (neighbourhood_id, grid_id, name_zh) values ('N1', 'G1', '邻里1'), ('N2', 'G2', '邻里2'), ('N3', 'G3', '邻里3');
insert into micro_grids (micro_grid_id, neighbourhood_id, name_zh, registered_households, lat, lon, boundary) values ('M1', 'N1', '微网格1', 4, 32.0, 120.8, null),
                               ('M2', 'N2', '微网格2', 0, 32.0, 120.81, null),
                               ('M3', 'N3', '微网格3', 3, 32.1, 120.9, null);
insert into households (household_id, micro_grid_id, address, residents) values ('H1', 'M1', '甲一小区1幢101室', 3), ('H2', 'M1', '甲一小区1幢102室', 2),
                              ('H3', 'M1', '甲一小区1幢201室', 1), ('H4', 'M1', '甲一小区1幢202室', 2),
                              ('H5', 'M3', '乙一村5号', 0), ('H6', 'M3', '乙一村6号', 4), ('H7', 'M3', '乙一村7号', 2);
"""

# Knocked: d1 = 3 (H1, H2 twice, H5), d2 = 3 (H2, H3, H6), d3 = 2 (H3, H1).
# Covered: H1 (d1 met), H5 (d1 vacant), H2 (d2 met) -> coverage 2/7, 3/7, 3/7.
# Backlog at d3: H3 (refused, then not home) and H6 (not home); H4 and H7 were never visited.
VISITS = f"""
insert into visits (visit_id, household_id, visited_at, worker_id, outcome, residents_seen, returned_from_outside, health_code, needs_followup, visit_day, micro_grid_id, street_id) values
 ('V1', 'H1', '{D1} 09:00', 'W1', 'met',      3, true,  'green',  true,  '{D1}', 'M1', 'S1'),
 ('V2', 'H2', '{D1} 09:10', 'W1', 'not_home', 0, false, null,     false, '{D1}', 'M1', 'S1'),
 ('V3', 'H2', '{D1} 19:00', 'W1', 'not_home', 0, false, null,     false, '{D1}', 'M1', 'S1'),
 ('V4', 'H5', '{D1} 10:00', 'W3', 'vacant',   0, false, null,     false, '{D1}', 'M3', 'S2'),
 ('V5', 'H2', '{D2} 18:30', 'W1', 'met',      2, false, 'yellow', true,  '{D2}', 'M1', 'S1'),
 ('V6', 'H3', '{D2} 09:30', 'W1', 'refused',  0, false, null,     false, '{D2}', 'M1', 'S1'),
 ('V7', 'H6', '{D2} 10:30', 'W3', 'not_home', 0, false, null,     false, '{D2}', 'M3', 'S2'),
 ('V8', 'H3', '{D3} 11:00', 'W1', 'not_home', 0, false, null,     false, '{D3}', 'M1', 'S1'),
 ('V9', 'H1', '{D3} 15:00', 'W1', 'met',      3, false, 'green',  false, '{D3}', 'M1', 'S1');
"""

# Hours: d2 = 4 + 2 + 3 = 9 by 2 volunteers (S1: 6); d3 = 5 by 1 volunteer.
VOLUNTEERS = f"""
insert into teams (team_id, grid_id, street_id, name, kind, name_en) values ('T1', 'G1', 'S1', '甲一第1网格党员志愿服务队', 'grid', 'Jiayi Grid 1 Party Volunteer Team'),
                         ('T2', null, 'S2', '乙机关党员志愿服务队', 'organ', null);
insert into volunteers (volunteer_id, name, team_id, org_type, is_party_member, retired, joined_on) values ('P1', '王芳', 'T2', 'organ', true, false, '2021-06-01'),
                              ('P2', '李强', 'T1', 'community', true, true, '{D2}');
insert into shifts (shift_id, volunteer_id, shift_date, hours, post_category, grid_id, street_id) values ('F1', 'P1', '{D2}', 4, 'checkpoint', 'G1', 'S1'),
                          ('F2', 'P1', '{D2}', 2, 'publicity', 'G1', 'S1'),
                          ('F3', 'P2', '{D2}', 3, 'door_to_door', 'G3', 'S2'),
                          ('F4', 'P2', '{D3}', 5, 'door_to_door', 'G3', 'S2');
"""

# Closed: d1 = 1 (B1), d2 = 2 (B1, B2), d3 = 2 (B1, B4; B2 reopened early on d3), d4 = 1 (B4; B1's 3
# days end). Inspections made: d1 = 1, d2 = 2, d3 = 1.
INSPECTIONS = f"""
insert into businesses (business_id, name, category, address, lat, lon, grid_id, street_id) values ('B1', '甲一饭店', '餐饮', '甲路1号', 32.0, 120.8, 'G1', 'S1'),
                              ('B2', '甲一超市', '超市便利店', '甲路2号', 32.0, 120.8, 'G1', 'S1'),
                              ('B3', '乙一药店', '药店', '乙路3号', 32.1, 120.9, 'G3', 'S2'),
                              ('B4', '乙一宾馆', '宾馆酒店', '乙路4号', 32.1, 120.9, 'G3', 'S2');
insert into inspections (inspection_id, business_id, inspected_on, agencies, findings, outcome, suspension_days, reopened_on, street_id) values
 ('I1', 'B1', '{D1}', '市场监督管理局', '未验码', 'suspended', 3, null, 'S1'),
 ('I2', 'B2', '{D2}', '派出所；街道办事处', '未测温；人员随意进出', 'suspended', 7, '{D3}', 'S1'),
 ('I3', 'B3', '{D2}', '区商务局', null, 'pass', null, null, 'S2'),
 ('I4', 'B4', '{D3}', '区卫健委', '未落实消杀', 'suspended', null, null, 'S2');
"""

# Received: d1 = 2, d2 = 2. Verified: d1 = 1 (valid), d3 = 2 (1 valid). Pending over 24 h at the end
# of d1 = 0, d2 = 1 (L2), d3 = 1 (L3), d4 = 1 (L3).
LEADS = f"""
insert into leads (lead_id, received_at, street_id, kind, status, verified_at) values
 ('L1', '{D1} 10:00', 'S1', 'companion', 'valid',   '{D1} 12:00'),
 ('L2', '{D1} 20:00', 'S1', 'returnee',  'invalid', '{D3} 09:00'),
 ('L3', '{D2} 08:00', 'S2', 'risk_area', 'pending', null),
 ('L4', '{D2} 23:00', 'S2', 'companion', 'valid',   '{D3} 01:00');
"""


def add_rows(path: Path, *statements: str) -> Path:
    """Runs the SQL statements on the store at `path` and refreshes its rollups, as a load would."""
    con = store.connect(path)
    for sql in statements:
        con.execute(sql)
    store.refresh_rollups(con)
    con.close()
    return path


def build_hand_store(path: Path) -> Path:
    return add_rows(path, TERRITORY, VISITS, VOLUNTEERS, INSPECTIONS, LEADS)
