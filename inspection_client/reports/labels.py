"""Words printed on reports and slips, in English and Simplified Chinese.

Printed documents are made outside Qt (CLI, background workers), so they carry their own small
table instead of Qt's translations. A missing Chinese entry falls back to English. A code prints
in English as the window says it (`domain.words`, the window's own table), so the paper and the
screen agree; a code the window has no word for prints as the word it spells.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from inspection_client.domain import words
from inspection_client.domain.codes import (
    CargoCategory,
    Decision,
    Direction,
    RefusalGround,
    VehicleKind,
)

Lang = Literal["en", "zh_CN"]
LANGS: Final[tuple[Lang, ...]] = ("en", "zh_CN")

_ZH: Final[dict[str, str]] = {
    # titles and headings
    "Shift report": "班次报告",
    "Report for a period": "时段报告",
    "Release slip": "放行单",
    "Port": "口岸",
    "Lane": "通道",
    "Shift": "班次",
    "Officers": "执勤人员",
    "Opened": "开班时间",
    "Closed": "结班时间",
    "not closed": "未结班",
    "Period": "时段",
    "Generated": "生成时间",
    "Page": "第",
    "of": "页，共",
    "pages": "页",
    "Sequence numbers": "序号范围",
    "Totals": "合计",
    "Totals by direction, kind and decision (current state)": "按方向、类别、结论统计（当前状态）",
    "Current state: amendments replace the original, voided clearances are not counted.": (
        "当前状态：更正记录取代原记录，作废记录不计入。"
    ),
    "Direction": "方向",
    "Kind": "类别",
    "Decision": "结论",
    "Count": "数量",
    "Total": "总计",
    "Clearances": "查验",
    "Passengers by nationality": "旅客（按国籍）",
    "Nationality": "国籍",
    "Vehicles by kind and cargo": "车辆（按车型和货物类别）",
    "Vehicle kind": "车型",
    "Cargo": "货物类别",
    "Green channel vehicles": "绿色通道车辆",
    "Exported complete vehicles (VINs)": "出口整车（车辆识别代号数）",
    "Refusals": "拒绝",
    "Ground": "理由",
    "Referrals to secondary inspection": "移交二线检查",
    "Watchlist hits": "布控命中",
    "Outcome": "处置",
    "List": "名单",
    "List entry": "名单条目",
    "Score": "分值",
    "Amendments and voids": "更正和作废",
    "Approved by": "批准人",
    "Reason": "原因",
    "Record": "记录",
    "Time": "时间",
    "Particular occurrences": "特殊情况",
    "None.": "无。",
    "Sync state": "同步状态",
    "Records waiting to be sent": "待发送记录",
    "Last acknowledged sequence": "最后确认序号",
    "Clearances per hour": "每小时查验量",
    "Hour": "时",
    "Signatures": "签名",
    "Officer": "查验员",
    "Supervisor": "值班领导",
    "Scan to verify: signed digest of this report's data.": "扫码验证：本报告数据的签名摘要。",
    "Plate": "车牌",
    "Plates": "车牌",
    "VINs": "VIN",
    "Containers": "集装箱",
    "Seals": "封志",
    "Declaration": "报关单号",
    "Issued": "签发时间",
    "Valid until": "有效期至",
    "Record id": "记录编号",
    "Present at the exit gate. Valid once.": "请在卡口出示。仅限使用一次。",
    "VIN list digest": "VIN清单摘要",
}

# Stored codes (directions, decisions, kinds, cargo, watchlist outcomes). In English a code is
# printed as the window words it (`_ENGLISH_CODES`), else as the word it spells
# ("no_hit" -> "No hit"); in Chinese from this table.
_ZH_CODES: Final[dict[str, str]] = {
    "entry": "入境",
    "exit": "出境",
    "cleared": "放行",
    "referred": "移交",
    "refused": "拒绝",
    "passenger": "旅客",
    "vehicle": "车辆",
    "amendment": "更正",
    "void": "作废",
    "car": "小客车",
    "van": "厢式车",
    "bus": "客车",
    "truck": "货车",
    "tractor_trailer": "半挂牵引车",
    "car_carrier": "商品车运输车",
    "cage_car": "畜禽运输车",
    "tanker": "罐车",
    "motorcycle": "摩托车",
    "other": "其他",
    "none": "无",
    "general": "普通货物",
    "fresh_agricultural": "鲜活农产品",
    "mineral_ores": "矿产品",
    "complete_vehicles": "整车",
    "livestock": "活畜",
    "dangerous_goods": "危险品",
    "personal_effects": "个人物品",
    "no_hit": "未命中",
    "cleared_with_approval": "经批准放行",
    "not_checked": "未核查",
}


# The vocabularies printed documents show, whose codes differ from each other's ("other" is a
# vehicle kind on paper, not a purpose of travel).
PRINTED_VOCABULARIES: Final[tuple[type[StrEnum], ...]] = (
    Direction,
    Decision,
    VehicleKind,
    CargoCategory,
)
_ENGLISH_CODES: Final[dict[str, str]] = {
    str(code): word
    for vocabulary in PRINTED_VOCABULARIES
    for code, word in words.WORDS[vocabulary].items()
}


# Grounds of refusal as the window words them ("C — no valid visa or residence permit").
_ZH_GROUNDS: Final[dict[str, str]] = {
    "A": "A — 无有效旅行证件",
    "B": "B — 伪造或变造的旅行证件",
    "C": "C — 无有效签证或居留许可",
    "D": "D — 伪造或变造的签证或许可",
    "E": "E — 无法证明入境事由和停留条件",
    "F": "F — 允许停留期限已用完",
    "G": "G — 无足够生活费用",
    "H": "H — 已发布拒绝入境警报",
    "I": "I — 危害公共秩序或安全",
    "V1": "V1 — 车辆证件缺失或无效",
    "V2": "V2 — 货物与申报不符",
    "V3": "V3 — 海关封志破损或缺失",
    "V4": "V4 — 禁止或限制进出境物品",
    "V5": "V5 — 检疫或卫生原因",
    "V6": "V6 — 车辆被布控",
}


def ground_label(code: str, lang: Lang) -> str:
    """A ground of refusal's code with its words, as the window shows it; an unknown code as
    it is."""
    if lang == "zh_CN":
        return _ZH_GROUNDS.get(code, code)
    try:
        return words.WORDS[RefusalGround][RefusalGround(code)]
    except ValueError:
        return code


def label(text: str, lang: Lang) -> str:
    """``text`` (the English label or a stored code) in ``lang``."""
    if lang == "zh_CN":
        return _ZH.get(text) or _ZH_CODES.get(text, text)
    if text in _ENGLISH_CODES:
        return _ENGLISH_CODES[text]
    if text in _ZH_CODES or (text.islower() and "_" in text):
        # A code, printed as a word, as the Chinese side prints its own word for it.
        return text.replace("_", " ").capitalize()
    return text


def check_lang(lang: str) -> Lang:
    """Accept "en" or "zh_CN" (also "zh", "zh-CN"); raise ValueError otherwise."""
    normalised = lang.replace("-", "_")
    if normalised in ("zh", "zh_CN", "zh_cn"):
        return "zh_CN"
    if normalised in ("en", "en_US", "en_GB"):
        return "en"
    raise ValueError(f"documents are written in en or zh_CN, not {lang!r}")
