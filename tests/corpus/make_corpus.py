"""Writes the loading corpus: one file per problem a clerk's sheet can have, Chinese and English.
Ids refer to the hand-built store of tests/fixtures.py. Run it to regenerate: python tests/corpus/make_corpus.py
The expected outcome of each file is asserted in tests/test_loading.py."""

import datetime as dt
import json
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
ZH_VISITS = "记录编号,户编号,走访时间,微网格员编号,走访结果,见面人数,外地返回,健康码,需跟进"
EN_VISITS = "visit_id,household_id,visited_at,worker_id,outcome,residents_seen,returned_from_outside,health_code,needs_followup"


def write(name: str, text: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(text.encode(encoding) if encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode())


def main() -> None:
    # good: GB18030, title row, Chinese headers and values, dates as clerks write them, footer rows
    write("visits_good_zh_gb18030.csv", "\n".join([
        "甲街道“敲门行动”入户排查登记表（2022年3月4日）,,,,,,,,",
        ZH_VISITS,
        "K1,H4,2022/3/4 8:07,W1,已见面,2,否,绿码,否",
        "K2,H7,2022/3/4 8:15,W3,不在家,0,否,,否",
        "K3,H6,2022/3/4 19:02,W3,已见面,4,是,黄码,是",
        ",,,,,,,,",
        "填表人：,,,审核人：,,,,,", ""]), "gb18030")
    # good: UTF-8 with BOM, English headers and values
    write("visits_good_en_bom.csv", "\n".join([
        EN_VISITS,
        "E1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
        "E2,H7,2022-03-04 10:30:00,W3,not_home,0,no,,no", ""]), "utf-8-sig")
    # wrong types: a time that is not a time, a count in words
    write("visits_bad_type_zh.csv", "\n".join([
        ZH_VISITS,
        "T1,H4,2022/3/4 8:07,W1,已见面,2,否,绿码,否",
        "T2,H7,昨天下午,W3,已见面,三,否,绿码,否", ""]))
    # a value outside the enumeration
    write("visits_bad_enum_en.csv", "\n".join([
        EN_VISITS,
        "N1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
        "N2,H7,2022-03-04 10:00,W3,absent,0,false,,false",
        "N3,H6,2022-03-04 11:00,W3,met,1,false,purple,false", ""]))
    # a visit to a household that does not exist
    write("visits_unknown_household_zh.csv", "\n".join([
        ZH_VISITS,
        "U1,H4,2022/3/4 9:00,W1,已见面,2,否,绿码,否",
        "U2,H99,2022/3/4 9:10,W1,已见面,2,否,绿码,否", ""]))
    # the same key twice in one file
    write("visits_duplicate_key_en.csv", "\n".join([
        EN_VISITS,
        "D1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
        "D1,H7,2022-03-04 10:05,W3,met,2,false,green,false",
        "D2,H6,2022-03-04 10:10,W3,met,2,false,green,false", ""]))
    # in the future, and before the campaign
    write("visits_out_of_window_zh.csv", "\n".join([
        ZH_VISITS,
        "W1,H4,2022/3/4 9:00,W1,已见面,2,否,绿码,否",
        "W2,H7,2099/3/4 9:00,W3,已见面,2,否,绿码,否",
        "W3,H6,2021/12/31 9:00,W3,已见面,2,否,绿码,否", ""]))
    # full-width digits, a blank line in the middle
    write("visits_fullwidth_zh.csv", "\n".join([
        ZH_VISITS,
        "F1,H4,２０２２/３/４ ８:０７,W1,已见面,３,否,绿码,否",
        "",
        "F2,H7,2022/3/4 8:20,W3,空置,0,否,,否", ""]))
    # shifts in Excel: merged title, Excel dates, absurd and negative hours
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "3月4日"
    sheet.append(["甲街道党员志愿者服务时长统计表"])
    sheet.merge_cells("A1:F1")
    sheet.append(["志愿者编号", "姓名", "日期", "时长（小时）", "岗位类别", "网格编号"])
    sheet.append(["P1", "王*", dt.datetime(2022, 3, 4), 4, "卡口执勤", "G1"])
    sheet.append(["P2", "李*", dt.datetime(2022, 3, 4), 30, "入户排查", "G3"])
    sheet.append(["P2", "李*", dt.datetime(2022, 3, 5), -2, "入户排查", "G3"])
    sheet.append(["P2", "李*", dt.datetime(2022, 3, 6), 3.5, "扫地", "G3"])
    sheet.append([])
    sheet.append(["填表人：", None, None, "审核人："])
    book.save(HERE / "shifts_hours_zh.xlsx")
    # inspections in English
    write("inspections_en.csv", "\n".join([
        "inspection_id,business_id,inspected_on,agencies,findings,outcome,suspension_days,reopened_on",
        "X1,B3,2022-03-04,Market supervision,no code check,suspended,2,",
        "X2,B1,2022-03-04,Police,,pass,,", ""]))
    # leads, with a verified lead missing its verification time
    write("leads_zh.csv", "\n".join([
        "线索编号,接收时间,街道编号,线索类型,核查状态,核查时间",
        "Q1,2022/3/4 8:00,S1,时空伴随,有效,2022/3/4 12:00",
        "Q2,2022/3/4 9:00,S2,外地返通,待核查,",
        "Q3,2022/3/4 9:30,S2,中高风险地区,无效,", ""]))
    # grid boundaries as GeoJSON
    features = [{"type": "Feature", "properties": {"grid_id": "G9", "community_id": "C1", "name_zh": "甲一第9网格"},
                 "geometry": {"type": "Polygon", "coordinates": [[[120.80, 32.00], [120.81, 32.00], [120.81, 32.01],
                                                                  [120.80, 32.01], [120.80, 32.00]]]}}]
    (HERE / "grids_boundaries.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                                              ensure_ascii=False), encoding="utf-8")
    # headers that match no table
    write("not_a_table_en.csv", "colour,size\nred,3\n")


if __name__ == "__main__":
    main()
