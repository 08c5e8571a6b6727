"""Writes the loading corpus: one file per problem a clerk's sheet can have, Chinese and English.
Ids refer to the hand-built store of tests/fixtures.py. Run it to regenerate: python tests/corpus/make_corpus.py
The expected outcome of each file is asserted in tests/test_loading.py."""

import datetime as dt
import json
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
ZH_VISITS = "记录编号,户编号,走访时间,微网格员编号,走访结果,见面人数,外地返回,健康码,需跟进"
EN_VISITS = (
    "visit_id,household_id,visited_at,worker_id,outcome,residents_seen,returned_from_outside,health_code,needs_followup"
)


def write(name: str, text: str, encoding: str = "utf-8") -> None:
    (HERE / name).write_bytes(text.encode(encoding) if encoding != "utf-8-sig" else b"\xef\xbb\xbf" + text.encode())


def main() -> None:
    # good: GB18030, title row, Chinese headers and values, dates as clerks write them, footer rows
    write(
        "visits_good_zh_gb18030.csv",
        "\n".join(
            [
                "甲街道“敲门行动”入户排查登记表（2022年3月4日）,,,,,,,,",
                ZH_VISITS,
                "K1,H4,2022/3/4 8:07,W1,已见面,2,否,绿码,否",
                "K2,H7,2022/3/4 8:15,W3,不在家,0,否,,否",
                "K3,H6,2022/3/4 19:02,W3,已见面,4,是,黄码,是",
                ",,,,,,,,",
                "填表人：,,,审核人：,,,,,",
                "",
            ]
        ),
        "gb18030",
    )
    # good: UTF-8 with BOM, English headers and values
    write(
        "visits_good_en_bom.csv",
        "\n".join(
            [
                EN_VISITS,
                "E1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
                "E2,H7,2022-03-04 10:30:00,W3,not_home,0,no,,no",
                "",
            ]
        ),
        "utf-8-sig",
    )
    # wrong types: a time that is not a time, a count in words
    write(
        "visits_bad_type_zh.csv",
        "\n".join(
            [ZH_VISITS, "T1,H4,2022/3/4 8:07,W1,已见面,2,否,绿码,否", "T2,H7,昨天下午,W3,已见面,三,否,绿码,否", ""]
        ),
    )
    # a value outside the enumeration
    write(
        "visits_bad_enum_en.csv",
        "\n".join(
            [
                EN_VISITS,
                "N1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
                "N2,H7,2022-03-04 10:00,W3,absent,0,false,,false",
                "N3,H6,2022-03-04 11:00,W3,met,1,false,purple,false",
                "",
            ]
        ),
    )
    # a visit to a household that does not exist
    write(
        "visits_unknown_household_zh.csv",
        "\n".join(
            [ZH_VISITS, "U1,H4,2022/3/4 9:00,W1,已见面,2,否,绿码,否", "U2,H99,2022/3/4 9:10,W1,已见面,2,否,绿码,否", ""]
        ),
    )
    # the same key twice in one file
    write(
        "visits_duplicate_key_en.csv",
        "\n".join(
            [
                EN_VISITS,
                "D1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
                "D1,H7,2022-03-04 10:05,W3,met,2,false,green,false",
                "D2,H6,2022-03-04 10:10,W3,met,2,false,green,false",
                "",
            ]
        ),
    )
    # in the future, and before the campaign
    write(
        "visits_out_of_window_zh.csv",
        "\n".join(
            [
                ZH_VISITS,
                "W1,H4,2022/3/4 9:00,W1,已见面,2,否,绿码,否",
                "W2,H7,2099/3/4 9:00,W3,已见面,2,否,绿码,否",
                "W3,H6,2021/12/31 9:00,W3,已见面,2,否,绿码,否",
                "",
            ]
        ),
    )
    # full-width digits, a blank line in the middle
    write(
        "visits_fullwidth_zh.csv",
        "\n".join(
            [
                ZH_VISITS,
                "F1,H4,２０２２/３/４ ８:０７,W1,已见面,３,否,绿码,否",
                "",
                "F2,H7,2022/3/4 8:20,W3,空置,0,否,,否",
                "",
            ]
        ),
    )
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
    write(
        "inspections_en.csv",
        "\n".join(
            [
                "inspection_id,business_id,inspected_on,agencies,findings,outcome,suspension_days,reopened_on",
                "X1,B3,2022-03-04,Market supervision,no code check,suspended,2,",
                "X2,B1,2022-03-04,Police,,pass,,",
                "",
            ]
        ),
    )
    # leads, with a verified lead missing its verification time
    write(
        "leads_zh.csv",
        "\n".join(
            [
                "线索编号,接收时间,街道编号,线索类型,核查状态,核查时间",
                "Q1,2022/3/4 8:00,S1,时空伴随,有效,2022/3/4 12:00",
                "Q2,2022/3/4 9:00,S2,外地返通,待核查,",
                "Q3,2022/3/4 9:30,S2,中高风险地区,无效,",
                "",
            ]
        ),
    )
    # grid boundaries as GeoJSON
    features = [
        {
            "type": "Feature",
            "properties": {"grid_id": "G9", "community_id": "C1", "name_zh": "甲一第9网格"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[120.80, 32.00], [120.81, 32.00], [120.81, 32.01], [120.80, 32.01], [120.80, 32.00]]],
            },
        }
    ]
    (HERE / "grids_boundaries.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8"
    )
    # headers that match no table
    write("not_a_table_en.csv", "colour,size\nred,3\n")
    clerks_sheets()


ZH_HOUSEHOLDS = "户编号,微网格编号,地址,人数"


def clerks_sheets() -> None:
    """Sheets as clerks really make them (issue 23): each kind once, with an answer known by hand."""
    # never a traceback: a findings cell longer than Python's CSV field limit (131,072 characters)
    long_text = "未验码；" + "现场人员随意进出，" * 16_000
    write(
        "inspections_long_findings_zh.csv",
        "\n".join(
            [
                "检查编号,场所编号,检查日期,检查单位,发现问题,处理结果",
                f'L1,B1,2022/3/4,派出所,"{long_text}",责令整改',
                "L2,B3,2022/3/4,区商务局,,合格",
                "",
            ]
        ),
    )
    # an unbalanced quote: the rows after it would run into one cell
    write(
        "visits_unbalanced_quote_en.csv",
        "\n".join(
            [
                EN_VISITS,
                "Q1,H4,2022-03-04 10:00,W1,met,2,false,green,false",
                'Q2,H7,2022-03-04 10:30,"W3,met,2,false,green,false',
                "Q3,H6,2022-03-04 11:00,W3,met,1,false,green,false",
                "",
            ]
        ),
    )
    # quoted line breaks inside addresses, one holding an empty line; the last row is refused (row 5)
    write(
        "households_line_breaks_zh.csv",
        "\n".join(
            [
                ZH_HOUSEHOLDS,
                'HB1,M1,"甲一小区\n3幢101室",2',
                'HB2,M1,"甲一小区\n\n3幢102室",3',
                "HB3,M1,甲一小区3幢201室,1",
                "HB4,M99,甲一小区3幢202室,1",
                "",
            ]
        ),
    )
    # never a value changed: an unquoted comma in an address gives the row one cell too many
    write(
        "households_unquoted_comma_zh.csv",
        "\n".join(
            [ZH_HOUSEHOLDS, "HC1,M1,甲一小区4幢101室,2", "HC2,M1,甲一小区4幢,102室,3", "HC3,M1,甲一小区4幢201室,1", ""]
        ),
        "gb18030",
    )
    # two 健康码 columns: one left empty (taken: the filled one); in the other file they disagree
    write(
        "visits_two_health_code_columns_zh.csv",
        "\n".join(
            [
                "记录编号,户编号,走访时间,走访结果,健康码,健康码颜色",
                "HC1,H4,2022/3/4 9:00,已见面,,绿码",
                "HC2,H7,2022/3/4 9:10,已见面,黄码,",
                "",
            ]
        ),
    )
    write(
        "visits_two_health_codes_disagree_zh.csv",
        "\n".join(
            [
                "记录编号,户编号,走访时间,走访结果,健康码,健康码颜色",
                "HD1,H4,2022/3/4 9:00,已见面,绿码,绿码",
                "HD2,H7,2022/3/4 9:10,已见面,黄码,绿码",
                "",
            ]
        ),
    )
    # scientific-notation ids, as Excel writes long numbers in CSV
    write(
        "households_scientific_ids_zh.csv",
        "\n".join([ZH_HOUSEHOLDS, "3.20602E+17,M1,甲一小区5幢101室,2", "320602198001010011,M1,甲一小区5幢102室,2", ""]),
    )
    # ids with invisible characters: tab, zero-width space, BOM, no-break space, word joiner, U+3000
    write(
        "households_invisible_ids_zh.csv",
        "\n".join(
            [
                ZH_HOUSEHOLDS,
                "HI1\t,M1,甲一小区6幢101室,1",
                "\u200bHI2,M1,甲一小区6幢102室,1",
                "HI3\ufeff,M1,甲一小区6幢201室,1",
                "\u00a0HI4,M1,甲一小区6幢202室,1",
                "HI\u20605,M1,甲一小区6幢301室,1",
                "HI6\u3000,M\u200b1,甲一小区6幢302室,1",
                "ＨＩ７,M1,甲一小区6幢401室,1",
                "",
            ]
        ),
    )  # typed in full width
    # a quoted value with more text after its closing quote: its quotes would be lost
    write(
        "households_stray_quote_zh.csv",
        "\n".join([ZH_HOUSEHOLDS, "HS1,M1,甲一小区8幢101室,1", 'HS2,M1,"甲一小区"8幢102室,1', ""]),
    )
    # a Big5 (Traditional Chinese) file: read as Big5, never as GBK mojibake
    write(
        "households_big5_en.csv",
        "\n".join(
            [
                "household_id,micro_grid_id,address,residents",
                "HT1,M1,臺北路1號樓,2",
                "HT2,M1,彰化縣鹿港鎮中山路2號,3",
                "",
            ]
        ),
        "big5",
    )
    # Korean (EUC-KR) addresses: the bytes decode as GB18030 and as Big5, as nonsense; refused
    write(
        "households_doubtful_encoding_en.csv",
        "\n".join(
            [
                "household_id,micro_grid_id,address",
                "HK1,M1,서울특별시 강남구 테헤란로 123",
                "HK2,M1,부산광역시 해운대구 456",
                "",
            ]
        ),
        "euc_kr",
    )
    # a title cell holding a line separator (U+2028) pasted from a web page
    write(
        "visits_title_line_separator_zh.csv",
        "\n".join(
            [
                "甲街道入户排查登记表\u2028（2022年3月4日）,,,,,,,,",
                ZH_VISITS,
                "LS1,H4,2022/3/4 8:07,W1,已见面,2,否,绿码,否",
                "LS2,H7,2022/3/4 8:15,W3,不在家,0,否,,否",
                "",
            ]
        ),
    )
    # a required column missing (走访时间)
    write("visits_missing_column_zh.csv", "\n".join(["记录编号,户编号,微网格员编号,走访结果", "MC1,H4,W1,已见面", ""]))
    # an inspection sheet naming its businesses under its own ids: 甲一饭店 is B1 in the store (its
    # address given shorter); 甲二新店 is new, in the street its row names
    write(
        "inspections_named_businesses_zh.csv",
        "\n".join(
            [
                "检查编号,场所编号,场所名称,地址,所属街道,检查日期,检查单位,处理结果,停业天数",
                "NB1,JC-001,甲一 饭店,甲路,甲,2022/3/4,区商务局,停业整顿,2",
                "NB2,JC-002,甲二新店,甲路9号,甲,2022/3/4,派出所,合格,",
                "NB3,JC-003,无名小店,乙路9号,,2022/3/4,派出所,合格,",
                "",
            ]
        ),
    )
    # agencies' other spellings: district-wide, and one for street S1 only
    write(
        "agency_aliases_zh.csv",
        "\n".join(["简称,规范名称,街道编号", "区商务局,崇川区商务局,", "派出所,甲派出所,S1", ""]),
    )
    excel_sheets()


def excel_sheets() -> None:
    # a worker id merged over the block of rows he visited
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "3月4日"
    sheet.append(ZH_VISITS.split(","))
    sheet.append(["MW1", "H4", "2022/3/4 8:00", "W1", "已见面", 2, "否", "绿码", "否"])
    sheet.append(["MW2", "H7", "2022/3/4 8:10", None, "不在家", 0, "否", None, "否"])
    sheet.append(["MW3", "H6", "2022/3/4 8:20", None, "已见面", 1, "否", "绿码", "否"])
    sheet.merge_cells("D2:D4")
    book.save(HERE / "visits_merged_worker_zh.xlsx")
    # a formula saved with no value (written by a script, never opened in Excel)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["shift_id", "volunteer_id", "shift_date", "hours", "post_category", "grid_id"])
    sheet.append(["FF1", "P1", "2022-03-04", 2, "checkpoint", "G1"])
    sheet.append(["FF2", "P1", "2022-03-04", "=D2*2", "publicity", "G1"])
    book.save(HERE / "shifts_formula_without_value_en.xlsx")
    # date-times as Excel serials: a date-formatted cell whose fraction is a hair under 08:00, and a
    # plain number (a column formatted as numbers) likewise
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(ZH_VISITS.split(","))
    sheet.append(["ES1", "H4", 44624.333333333, "W1", "已见面", 2, "否", "绿码", "否"])
    sheet["C2"].number_format = "yyyy/m/d h:mm:ss"
    sheet.append(["ES2", "H7", 44624.3333333, "W3", "不在家", 0, "否", None, "否"])
    book.save(HERE / "visits_excel_serial_times_zh.xlsx")
    # an 18-digit id typed as a number: Excel kept 15 digits
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(ZH_HOUSEHOLDS.split(","))
    sheet.append([320602198001010011, "M1", "甲一小区7幢101室", 2])
    sheet.append(["HX7", "M1", "甲一小区7幢102室", 2])
    book.save(HERE / "households_number_ids_zh.xlsx")
    # a sheet per day, a hidden template sheet with an example row, and a notes sheet
    book = openpyxl.Workbook()
    template = book.active
    template.title = "模板"
    template.append(["志愿者编号", "日期", "时长（小时）", "岗位类别", "网格编号"])
    template.append(["P0", dt.datetime(2022, 3, 1), 1, "卡口执勤", "G1"])
    template.sheet_state = "hidden"
    for day, rows in (
        (5, [("P1", 2, "卡口执勤", "G1"), ("P2", 3, "入户排查", "G3")]),
        (6, [("P1", 4, "防疫宣传", "G1")]),
    ):
        sheet = book.create_sheet(f"3月{day}日")
        sheet.append([f"甲街道志愿服务时长（3月{day}日）"])
        sheet.append(["志愿者编号", "日期", "时长（小时）", "岗位类别", "网格编号"])
        for volunteer, hours, post, grid in rows:
            sheet.append([volunteer, dt.datetime(2022, 3, day), hours, post, grid])
    notes = book.create_sheet("说明")
    notes.append(["本表由各网格每日填报"])
    book.save(HERE / "shifts_sheet_per_day_zh.xlsx")


if __name__ == "__main__":
    main()
