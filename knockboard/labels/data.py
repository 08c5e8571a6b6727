"""Labels of the Data page and of load reports (also used by the command line)."""

TEXT: dict[str, dict[str, str]] = {
    "page_data": {"en": "Data", "zh": "数据导入"},
    "data_title": {"en": "Data: load field sheets", "zh": "数据导入：上传台账"},
    "data_intro": {
        "en": "Upload CSV or Excel (.xlsx) sheets, or GeoJSON boundaries. The table is recognised "
        "from the headers (Chinese or English) unless you choose it. Refused rows are kept "
        "with their reason; loading the same file twice changes nothing.",
        "zh": "上传 CSV、Excel（.xlsx）台账或 GeoJSON 边界文件。系统根据表头（中文或英文）自动识别数据表，"
        "也可手动指定。被拒绝的行连同原因一并保存；同一文件重复上传不会重复入库。",
    },
    "upload_button": {"en": "Upload", "zh": "选择文件"},
    "upload_hint": {"en": "or drag files here", "zh": "或将文件拖到此处"},
    "data_files": {
        "en": "Files (CSV, Excel .xlsx, GeoJSON; up to {limit} MB each)",
        "zh": "文件（CSV、Excel .xlsx、GeoJSON；每个不超过 {limit} MB）",
    },
    "data_table": {"en": "Table", "zh": "数据表"},
    "data_table_auto": {"en": "Recognise from the headers", "zh": "根据表头自动识别"},
    "data_load": {"en": "Load", "zh": "导入"},
    "data_load_street": {
        "en": "You load for street {street}: rows of other streets are refused, and territory "
        "tables (streets, communities, grids, neighbourhoods, micro-grids) are loaded by an "
        "administrator.",
        "zh": "您导入的是 {street} 的数据：其他街道的记录将被拒绝，区域划分表（街道、社区、网格、邻里、微网格）"
        "由管理员导入。",
    },
    "data_too_big": {
        "en": "{file} is {size} MB, over the {limit} MB limit: split it or load it with `python -m knockboard load`.",
        "zh": "{file} 大小为 {size} MB，超过 {limit} MB 上限：请拆分文件，或用 `python -m knockboard load` 导入。",
    },
    "data_report_loaded": {
        "en": "{file} → {table}: {accepted} rows loaded, {refused} refused ({read} read){replaced}{ignored}.",
        "zh": "{file} → {table}：导入 {accepted} 行，拒绝 {refused} 行（共读取 {read} 行）{replaced}{ignored}。",
    },
    "data_report_replaced": {"en": ", {n} replaced earlier rows", "zh": "，其中 {n} 行替换了已有记录"},
    "data_report_created": {"en": ", {n} new businesses added from the sheet", "zh": "，新增商户 {n} 家"},
    "data_report_ignored": {"en": ", {n} blank or footer rows skipped", "zh": "，跳过空行或表尾 {n} 行"},
    "data_report_unchanged": {
        "en": "{file}: already loaded on {when} (import {import_id}); nothing changed.",
        "zh": "{file}：该文件已于 {when} 导入过（第 {import_id} 次导入），未作任何更改。",
    },
    "data_report_still_refused": {
        "en": " Its {n} refused rows are still refused, as before (below).",
        "zh": "其中被拒绝的 {n} 行仍被拒绝，与上次相同（见下表）。",
    },
    # what else a load report says: values read in a way the clerk should know of
    "note_sheet_hidden": {
        "en": "Hidden sheet “{sheet}” not read (a template?).",
        "zh": "隐藏工作表“{sheet}”未读取（模板？）。",
    },
    "note_sheet_skipped": {
        "en": "Sheet “{sheet}” not read: it has no header of this table.",
        "zh": "工作表“{sheet}”未读取：没有该数据表的表头。",
    },
    "note_sheet_loaded": {"en": "Sheet “{sheet}” read.", "zh": "已读取工作表“{sheet}”。"},
    "note_repeated_column_merged": {
        "en": "{column} appears in several columns ({headers}): each row's filled one is taken.",
        "zh": "{column} 出现在多列（{headers}）：每行取其中已填写的一列。",
    },
    "note_ids_cleaned": {
        "en": "{column}: {n} ids written with invisible characters, odd spaces (tab, zero-width "
        "space, no-break space…) or full-width letters were cleaned (rows {rows}).",
        "zh": "{column}：{n} 个编号含不可见字符、多余空格（制表符、零宽空格、不间断空格等）或全角字符，已规范"
        "（第 {rows} 行）。",
    },
    "note_parent_matched": {
        "en": "“{name}” ({sheet_id} on the sheet) is already in the store as {store_id}: "
        "its inspections are filed under {store_id}.",
        "zh": "“{name}”（表中编号 {sheet_id}）已在数据库中（编号 {store_id}）：其检查记录归入 {store_id}。",
    },
    "note_parents_in_file_street": {
        "en": "New businesses placed in street {street}, named in the file name; they need a grid (see below).",
        "zh": "新增商户按文件名归入 {street}；尚需指定网格（见下方）。",
    },
    "data_new_businesses": {"en": "New businesses that need a grid", "zh": "待指定网格的新增商户"},
    "data_new_businesses_intro": {
        "en": "Created from inspection sheets: they count in their street but have no "
        "grid or location yet, so the map cannot show them. Load them with a grid "
        "(businesses table) to place them.",
        "zh": "由检查记录新建的商户：已计入所属街道，但尚无网格和位置，地图上无法显示。"
        "请通过“商户场所”表补充网格后重新导入。",
    },
    "data_col_business": {"en": "Business", "zh": "商户"},
    "data_col_address": {"en": "Address", "zh": "地址"},
    "data_col_business_id": {"en": "Id", "zh": "编号"},
    "data_report_refused": {"en": "{file} was not loaded: {why}", "zh": "{file} 未导入：{why}"},
    "data_ignored_columns": {"en": "Columns not used: {columns}", "zh": "未使用的列：{columns}"},
    "data_templates": {"en": "Templates", "zh": "模板下载"},
    "data_templates_intro": {
        "en": "Empty sheets with the headers the loader expects, one per table.",
        "zh": "各数据表的空白模板，表头即导入所需列名。",
    },
    "data_freshness": {"en": "Freshness and quality", "zh": "数据时效与质量"},
    "data_by_table": {"en": "By table", "zh": "按数据表"},
    "data_by_street": {"en": "By street", "zh": "按街道"},
    "data_integrity": {"en": "Integrity checks", "zh": "完整性检查"},
    "data_suspicious": {"en": "Field records to review", "zh": "需复核的走访记录"},
    "data_suspicious_intro": {
        "en": "Workers logging {doors} or more doors within {minutes} minutes, and "
        "workers with every door answered over {min_doors} or more doors in a day.",
        "zh": "同一走访人员在 {minutes} 分钟内登记 {doors} 户及以上，或单日走访 {min_doors} 户以上且全部见面的记录。",
    },
    "data_recent_imports": {"en": "Recent imports", "zh": "最近导入"},
    "data_nothing": {"en": "Nothing found.", "zh": "未发现问题。"},
    # columns of the panels
    "data_col_table": {"en": "Table", "zh": "数据表"},
    "data_col_rows": {"en": "Rows", "zh": "行数"},
    "data_col_last_load": {"en": "Last load", "zh": "最近导入时间"},
    "data_col_refused_rows": {"en": "Refused rows", "zh": "拒绝行数"},
    "data_col_latest_day": {"en": "Latest day covered", "zh": "数据最新日期"},
    "data_col_check": {"en": "Check", "zh": "检查项"},
    "data_col_count": {"en": "Count", "zh": "数量"},
    "data_col_examples": {"en": "Examples", "zh": "示例"},
    "data_col_row": {"en": "Row", "zh": "行号"},
    "data_col_column": {"en": "Column", "zh": "列"},
    "data_col_value": {"en": "Value", "zh": "值"},
    "data_col_reason": {"en": "Reason", "zh": "原因"},
    "data_col_row_text": {"en": "Original row", "zh": "原始行内容"},
    "data_col_file": {"en": "File", "zh": "文件"},
    "data_col_worker": {"en": "Worker", "zh": "走访人员"},
    "data_col_doors": {"en": "Doors", "zh": "户数"},
    "data_col_first": {"en": "First", "zh": "开始时间"},
    "data_col_last": {"en": "Last", "zh": "结束时间"},
    "data_col_pattern": {"en": "Pattern", "zh": "异常类型"},
    "data_col_loaded_by": {"en": "Loaded by", "zh": "导入人"},
    "data_col_read": {"en": "Read", "zh": "读取"},
    "data_col_accepted": {"en": "Accepted", "zh": "导入"},
    "data_pattern_burst": {"en": "many doors in a few minutes", "zh": "短时间内登记大量户"},
    "data_pattern_all_met": {"en": "every door answered", "zh": "见面率100%"},
    "data_check_mg_no_households": {"en": "Micro-grids with no households", "zh": "无住户的微网格"},
    "data_check_households_no_mg": {"en": "Households whose micro-grid is unknown", "zh": "所属微网格不存在的住户"},
    "data_check_registered_mismatch": {
        "en": "Micro-grids whose registered households differ from the households listed",
        "zh": "登记户数与住户名单不一致的微网格",
    },
    # reasons a row is refused
    "reason_missing": {"en": "{column} is empty", "zh": "{column} 为空"},
    "reason_bad_int": {"en": "{column}: “{value}” is not a whole number", "zh": "{column}：“{value}” 不是整数"},
    "reason_bad_float": {"en": "{column}: “{value}” is not a number", "zh": "{column}：“{value}” 不是数字"},
    "reason_bad_bool": {"en": "{column}: “{value}” is not yes/no (是/否)", "zh": "{column}：“{value}” 应为 是/否"},
    "reason_bad_date": {
        "en": "{column}: “{value}” is not a date (e.g. 2022-03-21 or 2022/3/21)",
        "zh": "{column}：“{value}” 不是日期（如 2022-03-21 或 2022/3/21）",
    },
    "reason_bad_timestamp": {
        "en": "{column}: “{value}” is not a date and time (e.g. 2022/3/21 8:07)",
        "zh": "{column}：“{value}” 不是日期时间（如 2022/3/21 8:07）",
    },
    "reason_not_in_list": {
        "en": "{column}: “{value}” is not one of {allowed}",
        "zh": "{column}：“{value}” 不在可选值中（{allowed}）",
    },
    "reason_out_of_range": {
        "en": "{column}: {value} is outside {low} – {high}",
        "zh": "{column}：{value} 超出范围 {low} – {high}",
    },
    "reason_unknown_parent": {
        "en": "{column}: no {parent} with id “{value}” in the store",
        "zh": "{column}：数据库中没有编号为 “{value}” 的{parent}",
    },
    "reason_duplicate_key": {
        "en": "{column}: “{value}” repeats the one on row {detail} of this file",
        "zh": "{column}：“{value}” 与本文件第 {detail} 行重复",
    },
    "reason_extra_cells": {
        "en": "the row has more cells than the header has columns (“{value}” past the last "
        "one): a comma inside a value? Put that value in quotes",
        "zh": "该行单元格多于表头列数（最后一列之后还有“{value}”）：某个值中含有逗号？请给该值加上引号",
    },
    "reason_scientific_id": {
        "en": "{column}: “{value}” is a number Excel shortened, its last digits are lost: "
        "format the column as text and type the id again",
        "zh": "{column}：“{value}” 是被 Excel 转成科学计数法的数字，末尾数字已丢失：请将该列设为文本格式后重新录入编号",
    },
    "reason_parent_ambiguous": {
        "en": "{column}: “{value}” matches several businesses in the store ({detail}): give its id",
        "zh": "{column}：“{value}” 与数据库中多家商户同名（{detail}）：请填写其编号",
    },
    "reason_new_parent_no_street": {
        "en": "{column}: “{value}” is a new business and its street is not known: add "
        "a street column (所属街道), or load the sheet as the street's clerk",
        "zh": "{column}：“{value}” 是新商户，无法确定所属街道：请增加“所属街道”列，或由该街道数据员导入",
    },
    "reason_before_campaign": {
        "en": "{column}: {value} is before the campaign began ({start})",
        "zh": "{column}：{value} 早于行动开始日期（{start}）",
    },
    "reason_in_future": {"en": "{column}: {value} is in the future", "zh": "{column}：{value} 晚于当前时间"},
    "reason_before_received": {
        "en": "{column}: {value} is before the lead was received",
        "zh": "{column}：{value} 早于线索接收时间",
    },
    "reason_territory_incomplete": {
        "en": "{column}: household “{value}” is not placed in a micro-grid, grid, community and street",
        "zh": "{column}：住户 “{value}” 未完整归属到微网格、网格、社区和街道",
    },
    "reason_outside_street": {
        "en": "{column}: the row belongs to street {belongs}, not to your street {street}",
        "zh": "{column}：该行属于 {belongs}，不属于您所在的街道 {street}",
    },
    "reason_street_unknown": {
        "en": "{column}: cannot tell which street the row belongs to (empty, or not placed in "
        "a street), so it cannot be loaded for your street {street}",
        "zh": "{column}：无法确定该行所属街道（为空或未归属到街道），不能作为您所在街道 {street} 的数据导入",
    },
    "reason_replaces_other_street": {
        "en": "{column}: this id is already used by a record of another street "
        "({belongs}); a clerk of street {street} cannot replace it",
        "zh": "{column}：该编号已被其他街道（{belongs}）的记录使用，您所在的街道 {street} 不能替换该记录",
    },
    "data_no_street": {"en": "no street", "zh": "无街道"},
    "file_unreadable_encoding": {
        "en": "the file is neither UTF-8 nor GBK/GB18030 nor Big5 text (byte {position})",
        "zh": "文件编码既不是 UTF-8，也不是 GBK/GB18030 或 Big5（第 {position} 字节）",
    },
    "file_doubtful_encoding": {
        "en": "its encoding cannot be told for sure (it reads as {encodings}): save it as UTF-8 and load it again",
        "zh": "无法确定文件编码（可按 {encodings} 读取）：请另存为 UTF-8 后重新导入",
    },
    "file_unbalanced_quote": {
        "en": "a quote opened on row {row}, column {column} is never closed: the rows after "
        "it would run together. Remove the quote or close it",
        "zh": "第 {row} 行第 {column} 列的引号没有闭合，其后各行会连成一格：请删除或补全引号",
    },
    "file_stray_quote": {
        "en": 'on row {row} a quoted value is followed by more text (like "甲路"3号): its quotes '
        "would be lost. Quote the whole value, doubling the quotes inside it",
        "zh": '第 {row} 行有带引号的值后面还跟着其他文字（如 "甲路"3号），引号会丢失：请给整个值加引号，'
        "值内的引号写两遍",
    },
    "file_missing_columns": {
        "en": "it looks like {table}, but lacks the required column(s) {columns}",
        "zh": "看起来是{table}，但缺少必填列 {columns}",
    },
    "file_formula_without_value": {
        "en": "sheet “{sheet}” row {row}, column {column} holds a formula with no saved "
        "value (a sheet written by a program?): open it in Excel, save, and load again",
        "zh": "工作表“{sheet}”第 {row} 行“{column}”列是没有保存计算结果的公式（由程序生成？）："
        "请用 Excel 打开并保存后重新导入",
    },
    "file_repeated_column": {
        "en": "{column} appears in several columns ({headers}) that disagree on row {row}: keep one",
        "zh": "{column} 出现在多列（{headers}），第 {row} 行各列取值不一致：请只保留一列",
    },
    "file_sheets_differ": {
        "en": "sheet “{sheet}” has other columns than sheet “{first}”: one table per workbook, "
        "same columns on every sheet",
        "zh": "工作表“{sheet}”的列与工作表“{first}”不同：每个工作簿只能有一种数据表，各工作表列须相同",
    },
    "file_unknown_table": {
        "en": "there is no table “{table}”; the tables are: {known}",
        "zh": "没有名为“{table}”的数据表；可选：{known}",
    },
    "file_unreadable_file": {"en": "the file cannot be read ({error})", "zh": "无法读取该文件（{error}）"},
    "data_in_sheet": {"en": " (sheet “{sheet}”)", "zh": "（工作表“{sheet}”）"},
    "file_load_failed": {
        "en": "loading stopped on an error, and nothing was written ({error}): please report it",
        "zh": "导入因错误中止，未写入任何数据（{error}）：请报告此问题",
    },
    "file_no_header": {
        "en": "no header row names the columns of any table (see the templates)",
        "zh": "未找到可识别的表头（请参照模板）",
    },
    "file_header_mismatch": {
        "en": "the headers do not match the chosen table {table} (see its template)",
        "zh": "表头与所选数据表 {table} 不符（请参照模板）",
    },
    "file_excel_expands": {
        "en": "this {size} MB workbook expands to {expanded} MB when opened, more than the "
        "{limit} MB a field sheet can take (a compressed “zip bomb”?): nothing was read. "
        "Save it again from Excel, or split it",
        "zh": "该工作簿文件 {size} MB，解压后达 {expanded} MB，超过台账上限 {limit} MB"
        "（疑似“压缩炸弹”）：未读取任何内容。请用 Excel 重新保存或拆分后导入",
    },
    "file_excel_ratio": {
        "en": "its part {member} is compressed {ratio} times, far beyond a real sheet (at most "
        "{limit} times): a compressed “zip bomb”? Nothing was read. Save it again from Excel",
        "zh": "其中 {member} 的压缩比为 {ratio} 倍，远超真实台账（不超过 {limit} 倍），疑似“压缩炸弹”：未读取任何内容。"
        "请用 Excel 重新保存后导入",
    },
    "file_excel_cells": {
        "en": "its sheet {sheet_file} declares {rows} rows × {columns} columns ({cells} cells), more "
        "than the {limit} cells a field sheet can take: nothing was read. Delete the empty "
        "rows and columns below and right of the data, or split the sheet",
        "zh": "其工作表 {sheet_file} 声明 {rows} 行 × {columns} 列（{cells} 个单元格），超过台账上限 {limit} "
        "个单元格：未读取任何内容。请删除数据下方和右侧的空行空列，或拆分工作表",
    },
    "file_read_too_slow": {
        "en": "reading it took longer than {seconds} s, the time one upload may take (other "
        "users kept being served meanwhile): nothing was loaded. Split it, or load it with "
        "`python -m knockboard load`",
        "zh": "读取该文件超过 {seconds} 秒（单个上传允许的时间；其间其他用户照常使用）：未导入任何数据。"
        "请拆分文件，或用 `python -m knockboard load` 导入",
    },
    "file_read_over_memory": {
        "en": "reading it needed more than the {limit} MB of memory one upload may use: "
        "nothing was loaded. Split it, or load it with `python -m knockboard load`",
        "zh": "读取该文件所需内存超过单个上传允许的 {limit} MB：未导入任何数据。请拆分文件，或用 "
        "`python -m knockboard load` 导入",
    },
    "file_read_died": {
        "en": "its reader stopped (exit {exit_code}), most likely over the {limit} MB of memory one "
        "upload may use: nothing was loaded. Split it, or load it with `python -m knockboard load`",
        "zh": "读取该文件的进程中止（退出码 {exit_code}），多半是超过了单个上传允许的 {limit} MB 内存：未导入任何数据。"
        "请拆分文件，或用 `python -m knockboard load` 导入",
    },
    "file_unreadable_excel": {
        "en": "the Excel file cannot be opened ({error})",
        "zh": "无法打开该 Excel 文件（{error}）",
    },
    "file_not_geojson": {"en": "not a GeoJSON FeatureCollection", "zh": "不是 GeoJSON 要素集合（FeatureCollection）"},
    "file_unsupported_file": {
        "en": "files ending {suffix} are not supported (CSV, XLSX, GeoJSON)",
        "zh": "不支持 {suffix} 文件（支持 CSV、XLSX、GeoJSON）",
    },
    "file_admin_only": {
        "en": "a street clerk (street {street}) cannot load {table}: only an administrator can",
        "zh": "街道数据员（{street}）不能导入{table}，请由管理员导入",
    },
    "file_store_busy": {
        "en": "the store is held by another program (another load?) and no dashboard serving it "
        "answers: try again once it has finished",
        "zh": "数据库正被其他程序（如另一次导入）占用，且没有正在服务的看板应答：请待其完成后重试",
    },
    "load_handed_over": {
        "en": "The dashboard is serving {store}: the files are handed to it and loaded there (pages keep serving) …",
        "zh": "看板正在使用 {store}：文件已交给看板导入（页面照常服务）……",
    },
    # table names
    "table_streets": {"en": "streets", "zh": "街道"},
    "table_communities": {"en": "communities", "zh": "社区"},
    "table_grids": {"en": "grids", "zh": "网格"},
    "table_neighbourhoods": {"en": "neighbourhoods", "zh": "邻里"},
    "table_micro_grids": {"en": "micro-grids", "zh": "微网格"},
    "table_households": {"en": "households", "zh": "住户"},
    "table_visits": {"en": "visits", "zh": "入户走访记录"},
    "table_teams": {"en": "teams", "zh": "志愿服务队"},
    "table_volunteers": {"en": "volunteers", "zh": "志愿者"},
    "table_shifts": {"en": "volunteer shifts", "zh": "志愿服务时长"},
    "table_businesses": {"en": "businesses", "zh": "商户场所"},
    "table_inspections": {"en": "inspections", "zh": "检查记录"},
    "table_leads": {"en": "leads", "zh": "大数据核查线索"},
    "table_agency_aliases": {"en": "agency aliases", "zh": "检查单位对照"},
    # undoing a load (knockboard/loading/undo.py; the Data page's recent imports; `python -m knockboard undo`)
    "undo_done": {
        "en": "Load {id} ({file}, {table}) undone: {removed} rows it added removed, {restored} rows it "
        "replaced restored as they were",
        "zh": "已撤销第 {id} 次导入（{file}，{table}）：删除其新增的 {removed} 行，恢复其替换的 {restored} 行",
    },
    "undo_unknown": {
        "en": "Load {id} cannot be undone: there is no such load",
        "zh": "无法撤销第 {id} 次导入：没有这次导入",
    },
    "undo_already": {
        "en": "Load {id} ({file}) cannot be undone: it was undone on {at} by {by}",
        "zh": "无法撤销第 {id} 次导入（{file}）：已于 {at} 由 {by} 撤销",
    },
    "undo_not_your_street": {
        "en": "Load {id} ({file}) cannot be undone: it is not a load of your street {street} "
        "(an administrator can undo it)",
        "zh": "无法撤销第 {id} 次导入（{file}）：它不是本街道（{street}）的导入（可由管理员撤销）",
    },
    "undo_not_last": {
        "en": "Load {id} ({file}) cannot be undone: your street's last load is {later} ({later_file}); "
        "undo that one first",
        "zh": "无法撤销第 {id} 次导入（{file}）：本街道最近一次导入是第 {later} 次（{later_file}），请先撤销该次",
    },
    "undo_no_history": {
        "en": "Load {id} ({file}) cannot be undone: it was made by an older Knockboard, which did "
        "not keep the rows it replaced. Load a corrected file instead",
        "zh": "无法撤销第 {id} 次导入（{file}）：该次导入由旧版本完成，未保存被替换的行。请改为导入更正后的文件",
    },
    "undo_later_load": {
        "en": "Load {id} ({file}) cannot be undone: load {later} ({later_file}), made after it, "
        "rewrote {n} of the same rows; undo load {later} first. Nothing was changed",
        "zh": "无法撤销第 {id} 次导入（{file}）：其后的第 {later} 次导入（{later_file}）改写了其中 {n} 行；"
        "请先撤销第 {later} 次导入。未做任何更改",
    },
    "undo_still_used": {
        "en": "Load {id} cannot be undone: {n} rows of {child} loaded since refer to {parent} this "
        "load added; undo those loads first. Nothing was changed",
        "zh": "无法撤销第 {id} 次导入：其后导入的 {n} 行{child}引用了本次新增的{parent}；请先撤销那些导入。未做任何更改",
    },
    "data_undo": {"en": "Undo a load", "zh": "撤销导入"},
    "data_undo_intro": {
        "en": "Undoing a load removes the rows it added and restores the rows it replaced, as they "
        "were; the load stays listed as undone. A street clerk can undo their street's last load.",
        "zh": "撤销一次导入：删除其新增的行，并将其替换的行恢复原样；该次导入仍保留在列表中，标为已撤销。"
        "街道数据员可撤销本街道最近一次导入。",
    },
    "data_undo_pick": {"en": "Load to undo", "zh": "要撤销的导入"},
    "data_undo_option": {
        "en": "{id}: {file} ({table}, {rows} rows, {at})",
        "zh": "第 {id} 次：{file}（{table}，{rows} 行，{at}）",
    },
    "data_undo_button": {"en": "Undo…", "zh": "撤销…"},
    "data_undo_confirm": {
        "en": "Undo load {id} ({file})? Its {rows} rows are removed, or put back as they were "
        "before it, for every user.",
        "zh": "确定撤销第 {id} 次导入（{file}）？其 {rows} 行将被删除或恢复为导入前的样子，所有用户都会看到。",
    },
    "data_undo_yes": {"en": "Yes, undo it", "zh": "确定撤销"},
    "data_undo_cancel": {"en": "Cancel", "zh": "取消"},
    "data_undo_nothing": {"en": "No load that you may undo.", "zh": "没有可由您撤销的导入。"},
    "data_col_undone": {"en": "Undone", "zh": "已撤销"},
    "data_col_import": {"en": "Load", "zh": "导入序号"},
    "undo_handed_over": {
        "en": "The dashboard is serving {store}: the undo is handed to it and done there (pages keep serving) …",
        "zh": "看板正在使用 {store}：撤销已交给看板执行（页面照常服务）……",
    },
    "undo_store_busy": {
        "en": "the store is held by another program and no dashboard serving it answered: nothing "
        "was undone. Try again later",
        "zh": "数据库被其他程序占用，且没有正在服务它的看板应答：未撤销任何内容。请稍后再试",
    },
}
