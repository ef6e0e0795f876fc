"""Vietnamese date and time grammar (data only; the engine is :mod:`pipeline.dates`).

Patterns are written with diacritics and lower case; the engine matches them on an
accent-folded, lower-cased copy of the text, so ``nam 2003`` (stripped input) matches
like ``năm 2003``. A word of the text that carries diacritics but is not one of the
words used here is masked before matching (``nằm`` never reads as ``năm``).

Placeholders ``{NAME}`` expand to the alternation of the keys of ``VOCAB[NAME]``
(longest first) or of ``FRAGMENTS[NAME]``. Named groups carry meaning, read by the
engine (see ``pipeline.dates`` for the full list): ``y`` year, ``m`` month, ``d``
day, ``wd`` weekday, ``H``/``M`` hour and minute, ``pod`` part of day, ``rel``
relative word (with ``unit``: that unit shifted; alone: direction), ``unit``,
``n`` count, ``q`` quarter, ``half``, ``part`` (begin/mid/end), ``hol`` holiday,
``season``, ``decade``, ``dayrel`` named day. A second endpoint of a range uses
the same names suffixed with ``2``.
"""
from __future__ import annotations

LANG = "vi"

_DIGITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
           "tám": 8, "chín": 9}
# Forms a unit digit takes after "mươi"/"mười": 21 = hai mươi mốt, 25 = hai mươi lăm, 24 = hai mươi tư.
_UNIT_AFTER_TENS = {"mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5,
                    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}


def _number_words() -> dict[str, int]:
    """Spelled-out numbers 1-59 (enough for days, months, hours and minutes)."""
    words: dict[str, int] = dict(_DIGITS)
    words["mười"] = 10
    for unit, v in _UNIT_AFTER_TENS.items():
        if unit != "mốt":
            words[f"mười {unit}"] = 10 + v
    words["mười một"] = 11
    words["mười năm"] = 15
    for tens_word, tens in (("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5)):
        words[f"{tens_word} mươi"] = tens * 10
        for unit, v in _UNIT_AFTER_TENS.items():
            words[f"{tens_word} mươi {unit}"] = tens * 10 + v
            if unit in ("mốt", "lăm", "tư", "nhăm"):
                words[f"{tens_word} {unit}"] = tens * 10 + v  # short forms: hai mốt, ba lăm
    return words


VOCAB: dict[str, dict[str, object]] = {
    "NUMBER": _number_words(),
    # Months by name (tháng sáu, tháng giêng); "tháng" itself is in the patterns.
    "MONTH": {"giêng": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
              "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11,
              "một một": 11, "mười hai": 12, "chạp": 12},
    # thứ hai = Monday ... chủ nhật = Sunday (engine weekday: 0 = Monday).
    "WEEKDAY": {"thứ hai": 0, "thứ 2": 0, "thứ ba": 1, "thứ 3": 1, "thứ tư": 2, "thứ 4": 2,
                "thứ năm": 3, "thứ 5": 3, "thứ sáu": 4, "thứ 6": 4, "thứ bảy": 5, "thứ bẩy": 5,
                "thứ 7": 5, "chủ nhật": 6, "chủ nhựt": 6, "cn": 6},
    # Relative words: offset of the unit they follow (năm nay = +0, năm qua = -1).
    "REL": {"nay": 0, "này": 0, "hiện tại": 0, "tới": 1, "sau": 1, "tiếp": 1, "tiếp theo": 1,
            "kế tiếp": 1, "kế": 1, "sắp tới": 1, "trước": -1, "qua": -1, "vừa qua": -1,
            "vừa rồi": -1, "rồi": -1, "ngoái": -1, "trước đó": -1},
    # Unit words -> grain.
    "UNIT": {"năm": "year", "tháng": "month", "tuần": "week", "tuần lễ": "week",
             "ngày": "day", "hôm": "day", "quý": "quarter", "giờ": "hour", "tiếng": "hour",
             "tiếng đồng hồ": "hour", "phút": "minute", "giây": "second",
             "thập kỷ": "decade", "thập niên": "decade"},
    # Named days: offset in days from the reference.
    "DAYREL": {"hôm nay": 0, "ngày hôm nay": 0, "bữa nay": 0, "hôm qua": -1, "ngày hôm qua": -1,
               "hôm kia": -2, "ngày hôm kia": -2, "hôm kìa": -3, "ngày mai": 1, "mai": 1,
               "ngày kia": 2, "ngày mốt": 2, "mốt": 2},
    # Parts of the day: (start hour, end hour, add 12 to an hour below this).
    "POD": {"sáng": (4, 12, 0), "buổi sáng": (4, 12, 0), "sớm": (4, 9, 0),
            "rạng sáng": (0, 6, 0), "trưa": (12, 14, 3), "buổi trưa": (12, 14, 3),
            "chiều": (12, 19, 12), "buổi chiều": (12, 19, 12), "tối": (18, 24, 12),
            "buổi tối": (18, 24, 12), "đêm": (18, 24, 0), "khuya": (21, 24, 0),
            "bữa trưa": (12, 14, 3), "sau bữa trưa": (13, 17, 3)},
    # Part of a period: begin / mid / end.
    "PART": {"đầu": "begin", "hồi đầu": "begin", "giữa": "mid", "cuối": "end", "hồi cuối": "end",
             "trung tuần": "mid", "thượng tuần": "begin", "hạ tuần": "end"},
    "HALF": {"đầu": 1, "trước": 1, "thứ nhất": 1, "cuối": 2, "sau": 2, "thứ hai": 2},
    "QUARTER": {"1": 1, "2": 2, "3": 3, "4": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4,
                "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "nhất": 1},
    # Holidays: ("solar", month, day) or ("lunar", month, day) of the lunar calendar.
    "HOLIDAY": {"tết nguyên đán": ("lunar", 1, 1), "tết âm lịch": ("lunar", 1, 1),
                "tết cổ truyền": ("lunar", 1, 1), "tết": ("lunar", 1, 1),
                "tết trung thu": ("lunar", 8, 15), "trung thu": ("lunar", 8, 15),
                "rằm tháng giêng": ("lunar", 1, 15), "tết nguyên tiêu": ("lunar", 1, 15),
                "tết đoan ngọ": ("lunar", 5, 5), "lễ vu lan": ("lunar", 7, 15),
                "giỗ tổ hùng vương": ("lunar", 3, 10),
                "giáng sinh": ("solar", 12, 25), "noel": ("solar", 12, 25),
                "lễ giáng sinh": ("solar", 12, 25), "tết dương lịch": ("solar", 1, 1),
                "quốc khánh": ("solar", 9, 2), "ngày quốc khánh": ("solar", 9, 2),
                "ngày quốc tế lao động": ("solar", 5, 1), "ngày quốc tế phụ nữ": ("solar", 3, 8),
                "ngày nhà giáo việt nam": ("solar", 11, 20), "valentine": ("solar", 2, 14),
                "lễ tình nhân": ("solar", 2, 14), "halloween": ("solar", 10, 31)},
    "SEASON": {"xuân": "SP", "hạ": "SU", "hè": "SU", "thu": "FA", "đông": "WI"},
    "NOW": {"bây giờ": 0, "ngay bây giờ": 0, "ngay lúc này": 0, "lúc này": 0, "hiện giờ": 0,
            "giờ này": 0},
    "MINUTE_WORD": {"rưỡi": 30, "rưởi": 30},
    "SET_UNIT": {"năm": "P1Y", "tháng": "P1M", "tuần": "P1W", "ngày": "P1D", "quý": "P3M",
                 "giờ": "PT1H"},
    "TZ": {"cet": 60, "cest": 120, "utc": 0, "gmt": 0, "ict": 420, "est": -300, "edt": -240,
           "pst": -480, "pdt": -420, "kst": 540, "jst": 540},
    "AMPM": {"am": "am", "a.m.": "am", "pm": "pm", "p.m.": "pm"},
}

# Regex fragments shared by the rules (after accent folding the engine folds these too).
FRAGMENTS = {
    "D": r"(?:0?[1-9]|[12]\d|3[01])",
    "MM": r"(?:0?[1-9]|1[0-2])",
    "YYYY": r"(?:1[5-9]\d\d|20\d\d|21\d\d)",
    "NUMD": r"(?:\d+(?:[.,]\d+)?|{NUMBER})",
    "AT": r"(?:(?:vào )?(?:lúc|khoảng|đúng|tầm|chừng)(?: khoảng| đúng| lúc)? |vào )",
    "HOURWORD": r"(?:giờ|h|g|tiếng)",
    # "lần thứ hai", "vị trí thứ 2": after these nouns "thứ N" is an ordinal, not a weekday
    "ORDINAL_NOUN": r"và|thư|lá thư|lần|vị trí|hạng|người|đứng|xếp|giải|con|số|phần|tập|mùa|khóa|khoá|kỳ|kì|lớp|tầng|bước|vòng|đợt|điều|khoản|chương|trang|top|nhóm|hệ|đời|phiên|trận|lượt|cấp|đội|cuộc|bài|câu|cái|chiếc|nước|quốc gia|tuần|tháng|năm|ngày|đứa|cháu|vợ|chồng|thế hệ|nhiệm kỳ|khóa học|mục|dòng|hàng|bản|quý",
    "ORDINAL_AFTER": r"trong|của(?! tuần)|thế giới|toàn cầu|liên tiếp|về|tại|nhì|ba|là|mà|sau khi|trên|dưới",
    "DMCTX": r"(?:ngày|hôm|mồng|mùng|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|đến|tới|từ|và|-|–)",
}

# What a month frame looks like in the longer rules: "tháng 5", "tháng năm", "tháng 5/2024".
_M = r"(?:(?P<m>{MM})|(?P<m>{MONTH}))"
_YEAR_TAIL = r"(?:(?: của)? năm (?P<y>{YYYY})|(?: của)? (?P<unit>năm) (?P<rel>{REL})|[/.-](?P<y>{YYYY}))"

# Each rule: pattern, optional kind (point by default), optional fixed values ("set"),
# optional "priority" to break ties between equally long matches.
RULES: list[dict] = [
    # --- full dates -------------------------------------------------------------
    {"name": "d_m_y_words",
     "pattern": r"(?:(?:ngày|hôm) )?(?:(?:mồng|mùng) )?(?P<d>{D}|{NUMBER}) tháng " + _M
                + r"(?:" + _YEAR_TAIL + r")?"},
    {"name": "d/m/y",
     "pattern": r"(?:(?:ngày|hôm) )?(?P<d>{D})(?P<sep>[/.-])(?P<m>{MM})(?P=sep)(?P<y>{YYYY}|\d\d)(?![.,]?\d)"},
    # word-segmented input spaces the separators: "30 - 4 - 1967"
    {"name": "d / m / y", "pattern": r"(?:(?:ngày|hôm) )?(?P<d>{D}) (?P<sep>[/-]) (?P<m>{MM}) (?P=sep) (?P<y>{YYYY})(?!\d)"},
    {"name": "y-m-d", "pattern": r"(?P<y>{YYYY})-(?P<m>{MM})-(?P<d>{D})(?!\d)"},
    # "ngày 17/9", "ngày 17.9", "sáng 17.9": a day.month pair needs a date word before it
    {"name": "d/m_ctx",
     "pattern": r"(?:(?:ngày|hôm)(?: (?:mồng|mùng))? )?(?<=(?:{DMCTX}) )(?P<d>{D})[/.](?P<m>{MM})(?![.,/]?\d)"},
    {"name": "(d/m)", "pattern": r"(?<=\()(?P<d>{D})/(?P<m>{MM})(?=\))"},
    {"name": "ngay_d", "pattern": r"(?:ngày|mồng|mùng) (?P<d>{D})(?! (?:tháng|năm|ngày|tuần|giờ|phút|\d))"
                                  r"(?: (?:của )?(?P<unit>tháng) (?P<rel>{REL}))?",
     "priority": -1},
    # --- months -------------------------------------------------------------------
    {"name": "month_year", "pattern": r"tháng " + _M + _YEAR_TAIL},
    {"name": "month_rel", "pattern": r"tháng " + _M + r"(?: (?P<rel>tới|sau|tiếp theo|trước|qua|vừa qua|vừa rồi|này|nay))?(?! (?:tuổi|ngày))"},
    {"name": "m/yyyy", "pattern": r"(?<!\d[/.])(?P<m>{MM})/(?P<y>{YYYY})(?![/.]?\d)"},
    # --- years ---------------------------------------------------------------------
    {"name": "nam_y", "pattern": r"năm (?P<y>{YYYY})(?!\d)"},
    {"name": "nam_y_y", "pattern": r"năm (?P<y>{YYYY}) ?[-–] ?(?P<y2>{YYYY})"},
    {"name": "(yyyy)", "pattern": r"(?<=\()(?P<y>{YYYY})(?=\))"},
    {"name": "decade", "pattern": r"(?:(?:những|các|thời|cuối|đầu) (?:năm|thập niên|thập kỷ|thập kỉ)|thập niên|thập kỷ|thập kỉ) (?P<decade>(?:1[5-9]|20)\d0|[1-9]0)(?: của thế kỷ (?:trước|20|xx))?(?!\d)",
     "priority": 1},
    # --- halves, quarters -------------------------------------------------------------
    {"name": "half_year",
     "pattern": r"(?:nửa|6 tháng|sáu tháng) (?P<half>{HALF})(?: của)? (?:năm (?P<y>{YYYY})|(?P<unit>năm) (?P<rel>{REL})|năm)"},
    {"name": "quarter",
     "pattern": r"quý (?P<q>{QUARTER})(?:" + r"(?: của)? năm (?P<y>{YYYY})|(?: của)? (?P<unit>năm) (?P<rel>{REL})|[/.-](?P<y>{YYYY})|" + r")"},
    # --- relative periods -----------------------------------------------------------------
    {"name": "unit_rel", "pattern": r"(?:(?:trong|vào) )?(?P<unit>năm|tháng|tuần|tuần lễ|quý) (?P<rel>{REL})(?! \d)"},
    # bare "mai"/"mốt" are also a name and "một" (stripped): only after a part of the day
    {"name": "dayrel", "pattern": r"(?P<dayrel>(?!(?:mai|mốt)(?!\w)){DAYREL})"},
    {"name": "now", "pattern": r"(?P<now>{NOW})"},
    # --- parts of periods: đầu năm, cuối tháng 9, giữa tuần tới ------------------------------
    {"name": "part_unit",
     "pattern": r"(?:vào )?(?P<part>{PART}) (?:năm (?P<y>{YYYY})|tháng " + _M + r"(?:" + _YEAR_TAIL + r")?|(?P<unit>năm|tháng|tuần)(?: (?P<rel>{REL}))?)"},
    # --- weekdays -------------------------------------------------------------------------------
    {"name": "weekday",
     "pattern": r"(?<!(?:{ORDINAL_NOUN}) )(?:(?P<past>hôm) |(?:vào )?)?(?P<wd>{WEEKDAY})(?! (?:{ORDINAL_AFTER})(?!\w))(?![.,]\d)(?: (?:của )?(?P<unit>tuần) (?P<rel>{REL})| (?P<rel>tới|này|vừa rồi|vừa qua|trước))?",
     "strict": ("wd",)},
    # --- time of day --------------------------------------------------------------------------------
    {"name": "clock_hm",
     "pattern": r"{AT}?(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?! ?(?:%|\d))(?: ?(?P<ampm>{AMPM}))?(?: (?P<pod>{POD}))?(?: (?P<tz>{TZ}))?"},
    {"name": "clock_hgm",
     "pattern": r"{AT}?(?P<H>[01]?\d|2[0-3]) ?(?:h|g)(?P<M>[0-5]\d)?(?!\w)(?: (?P<pod>{POD})(?: (?:ngày )?(?P<dayrel>{DAYREL}))?)?"},
    {"name": "clock_words",
     "pattern": r"{AT}?(?P<H>[01]?\d|2[0-4]|{NUMBER}) (?:giờ|tiếng)(?: (?:(?P<M>[0-5]?\d|{NUMBER})(?: phút)?|(?P<M>{MINUTE_WORD})))?(?: kém (?P<kem>[0-5]?\d|{NUMBER})(?: phút)?)?(?: (?P<pod>{POD})(?: (?:ngày )?(?P<dayrel>{DAYREL}))?)?(?! (?:qua|vừa|trước|nữa|tới|sau|đồng hồ|liền|đầu|cuối))"},
    {"name": "clock_ampm", "pattern": r"{AT}?(?P<H>1[0-2]|0?[1-9]) ?(?P<ampm>{AMPM})(?: (?P<tz>{TZ}))?"},
    {"name": "pod_day",
     "pattern": r"(?:vào )?(?P<pod>{POD})(?: (?:ngày )?(?P<dayrel>{DAYREL})| (?P<rel>nay|qua))"},
    # "sáng 15.9", "chiều thứ Hai": a part of the day only counts joined to the date after it
    {"name": "pod_only", "pattern": r"(?:vào )?(?P<pod>{POD})(?= (?:ngày |hôm )?(?:\d|thứ|chủ nhật))"},
    {"name": "pod_alone", "pattern": r"(?P<pod>sau bữa trưa|buổi sáng nay|buổi chiều nay|buổi tối nay)"},
    # --- holidays and seasons ---------------------------------------------------------------------------
    {"name": "holiday", "pattern": r"(?:(?:dịp|ngày|lễ) )?(?P<hol>{HOLIDAY})(?: (?:(?:năm )?(?P<y>{YYYY})|(?P<unit>năm) (?P<rel>{REL})))?",
     "strict": ("hol",)},
    {"name": "season", "pattern": r"mùa (?P<season>{SEASON})(?: (?:năm (?P<y>{YYYY})|(?P<rel>này|nay|tới|sau|trước|qua|năm ngoái)))?"},
    # --- spans relative to now ------------------------------------------------------------------------------
    {"name": "last_n", "kind": "last_n",
     "pattern": r"(?:(?:trong|suốt) )?(?:(?P<n>{NUMD})|những|các|mấy) (?P<unit>năm|tháng|tuần|tuần lễ|ngày|giờ|tiếng|phút|giây|quý) (?:vừa qua|vừa rồi|qua|gần đây|gần nhất)"},
    {"name": "next_n", "kind": "next_n",
     "pattern": r"(?:(?:trong|suốt) )?(?:(?P<n>{NUMD})|những|các|mấy) (?P<unit>năm|tháng|tuần|tuần lễ|ngày|giờ|tiếng|phút|giây|quý) (?:tới|sắp tới|tiếp theo)"},
    {"name": "ago", "kind": "ago",
     "pattern": r"(?:cách đây )?(?P<n>{NUMD}) (?P<unit>năm|tháng|tuần|ngày|giờ|tiếng|phút|giây) (?:trước|về trước)(?! (?:đó|khi))"},
    {"name": "ago2", "kind": "ago",
     "pattern": r"cách đây (?P<n>{NUMD}) (?P<unit>năm|tháng|tuần|ngày|giờ|tiếng|phút|giây)"},
    {"name": "in_n", "kind": "in",
     "pattern": r"(?:(?P<n>{NUMD}) (?P<unit>năm|tháng|tuần|ngày|giờ|tiếng|phút|giây) nữa|sau (?P<n>{NUMD}) (?P<unit>năm|tháng|tuần|ngày|giờ|tiếng|phút|giây) nữa)"},
    {"name": "duration", "kind": "duration", "priority": -2,
     "pattern": r"(?P<n>{NUMD}|nửa) (?P<unit>năm|tháng|tuần|tuần lễ|ngày|giờ|tiếng|tiếng đồng hồ|phút|giây|thập kỷ|thập niên)(?! (?:\d|{NUMBER}|tuổi))"},
    {"name": "set", "kind": "set",
     "pattern": r"(?:hàng|hằng|mỗi) (?P<unit>năm|tháng|tuần|ngày|quý|giờ)"},
]

# Gaps that join two neighbouring expressions into one (time + date, weekday + date).
JOIN = r"\s*(?:,\s*|\(\s*)?(?:(?:vào |lúc |vào lúc )?(?:ngày |hôm )?)?"
# Gaps that make two neighbouring dates a range: "từ A đến B", "A - B".
RANGE_GAP = r"\s*(?:-|–|đến|tới|cho đến|cho tới)\s*"
RANGE_PREFIX = r"(?:từ|giữa)\s*$"
# Words before a bare weekday that put it in the past ("hôm thứ Hai", "đã ... thứ Hai").
PAST_CUES = r"(?:hôm|đã|vừa|qua đời|xảy ra)\s+(?:\S+\s+){0,2}$"
