"""English date and time grammar (data only; the engine is :mod:`pipeline.dates`).

Patterns are lower case and matched on a lower-cased copy of the text. Words that are
also ordinary English words (``may``, ``march``, ``sun``, ``sat``, ``wed``) must be
capitalised in the original text when a rule lists their group in ``strict``.
Group names and placeholders are explained in :mod:`pipeline.lang.vi.dates`.
"""
from __future__ import annotations

LANG = "en"

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORD_ONES = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9}
_ORD_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
              "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
              "nineteenth": 19, "twentieth": 20, "thirtieth": 30}


def _numbers() -> dict[str, int]:
    words = {"a": 1, "an": 1, **_ONES, **_TEENS, **_TENS}
    for t, tv in _TENS.items():
        for o, ov in _ONES.items():
            words[f"{t}-{o}"] = tv + ov
            words[f"{t} {o}"] = tv + ov
    return words


def _ordinals() -> dict[str, int]:
    words = {**_ORD_ONES, **_ORD_TEENS}
    for t, tv in (("twenty", 20), ("thirty", 30)):
        for o, ov in _ORD_ONES.items():
            if tv + ov <= 31:
                words[f"{t}-{o}"] = tv + ov
                words[f"{t} {o}"] = tv + ov
    return words


VOCAB: dict[str, dict[str, object]] = {
    "NUMBER": _numbers(),
    "ORDINAL": _ordinals(),
    "MONTH": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
              "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8,
              "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
              "november": 11, "nov": 11, "december": 12, "dec": 12},
    "WEEKDAY": {"monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2,
                "wed": 2, "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4,
                "saturday": 5, "sat": 5, "sunday": 6, "sun": 6},
    "REL": {"this": 0, "current": 0, "the current": 0, "next": 1, "the next": 1, "coming": 1,
            "the coming": 1, "following": 1, "the following": 1, "last": -1, "past": -1,
            "the past": -1, "previous": -1, "the previous": -1, "the last": -1},
    "UNIT": {"year": "year", "years": "year", "yr": "year", "yrs": "year", "month": "month",
             "months": "month", "week": "week", "weeks": "week", "day": "day", "days": "day",
             "quarter": "quarter", "quarters": "quarter", "qtr": "quarter", "hour": "hour",
             "hours": "hour", "h": "hour", "hr": "hour", "hrs": "hour", "minute": "minute",
             "minutes": "minute", "min": "minute", "mins": "minute", "second": "second",
             "seconds": "second", "sec": "second", "secs": "second", "decade": "decade",
             "decades": "decade", "fortnight": "fortnight", "fortnights": "fortnight"},
    "DAYREL": {"today": 0, "tonight": 0, "at this time": 0, "yesterday": -1, "tomorrow": 1,
               "tomorrows": 1, "the day after tomorrow": 2, "the day before yesterday": -2},
    "POD": {"morning": (4, 12, 0), "afternoon": (12, 19, 12), "evening": (18, 24, 12),
            "night": (18, 24, 0), "noon": (12, 13, 0), "midday": (12, 13, 0),
            "lunch": (12, 14, 0), "after lunch": (13, 17, 0)},
    "PART": {"beginning": "begin", "the beginning": "begin", "start": "begin",
             "the start": "begin", "early": "begin", "earlier": "earlier", "middle": "mid",
             "the middle": "mid", "mid": "mid", "end": "end", "the end": "end", "late": "end",
             "later": "later", "rest": "rest", "the rest": "rest"},
    "HALF": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2},
    "QUARTER": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "fourth": 4, "4th": 4, "1": 1, "2": 2, "3": 3, "4": 4},
    "NTH": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4, "fifth": 5, "5th": 5, "last": -1, "2nd last": -2, "second last": -2,
            "second to last": -2, "3rd last": -3, "third last": -3},
    "HOLIDAY": {"christmas": ("solar", 12, 25), "christmas day": ("solar", 12, 25),
                "xmas": ("solar", 12, 25), "new year's day": ("solar", 1, 1),
                "new year's eve": ("solar", 12, 31), "christmas eve": ("solar", 12, 24),
                "valentine's day": ("solar", 2, 14), "halloween": ("solar", 10, 31),
                "independence day": ("solar", 7, 4), "lunar new year": ("lunar", 1, 1),
                "tet": ("lunar", 1, 1), "tet holiday": ("lunar", 1, 1),
                "mid-autumn festival": ("lunar", 8, 15), "chuseok": ("lunar", 8, 15)},
    "SEASON": {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"},
    "NOW": {"now": 0, "right now": 0, "just now": 0, "at the moment": 0},
    "MINUTE_WORD": {"half past": 30, "quarter past": 15, "quarter to": -15},
    "AMPM": {"am": "am", "a.m.": "am", "a.m": "am", "pm": "pm", "p.m.": "pm", "p.m": "pm"},
    "TZ": {"cet": 60, "cest": 120, "utc": 0, "gmt": 0, "ict": 420, "est": -300, "edt": -240,
           "cst": -360, "cdt": -300, "pst": -480, "pdt": -420, "kst": 540, "jst": 540},
    "ERA": {"a.d.": 1, "ad": 1, "b.c.": -1, "bc": -1, "ce": 1, "bce": -1},
    "SET_UNIT": {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D", "quarter": "P3M"},
}

FRAGMENTS = {
    "D": r"(?:0?[1-9]|[12]\d|3[01])",
    "DTH": r"(?:(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?|{ORDINAL})",
    "MM": r"(?:0?[1-9]|1[0-2])",
    "YYYY": r"(?:1[5-9]\d\d|20\d\d|21\d\d)",
    "YEARCTX": r"(?:1[0-9]\d\d|20\d\d|21\d\d)",
    "MON": r"(?:{MONTH})\.?",
    "NUMD": r"(?:\d+(?:\.\d+)?|\d/\d|{NUMBER})",
    "AT": r"(?:(?:at|around|about|by|from|until|till|before|after) )",
    "ON": r"(?:(?:on|around|by|until|till|since|before|after|from) )",
    "WD": r"(?:{WEEKDAY})\.?",
    "THEYEAR": r"(?:(?:the |this |current |the current )?year|{YYYY}|(?:this|next|last) year)",
}

_Y = r"(?:,? (?P<y>{YYYY})(?: (?P<era>{ERA}))?)"
RULES: list[dict] = [
    # --- full and partial dates -----------------------------------------------------
    {"name": "month_day_year", "pattern": r"{ON}?(?P<m>{MON}) ?(?P<d>{DTH})(?!\d|:| ?(?:am|pm|a\.m|p\.m|%))" + _Y + "?"},
    {"name": "day_month_year", "pattern": r"{ON}?(?:the )?(?P<d>{DTH}) (?:of )?(?P<m>{MON})" + _Y + "?"},
    {"name": "month_day_range", "pattern": r"{ON}?(?P<m>{MON}) ?(?P<d>{DTH}) ?(?:-|–|to|thru|through|until|till) ?(?:(?P<m2>{MON}) ?)?(?P<d2>{DTH})(?!\d|:)" + _Y + "?"},
    {"name": "day_range_month", "pattern": r"(?:(?:from|between) )?(?:the )?(?P<d>{DTH}) ?(?:-|–|to|thru|through|until|till|and) ?(?:the )?(?P<d2>{DTH}) (?:of )?(?P<m>{MON})" + _Y + "?"},
    {"name": "week_of", "pattern": r"(?:the )?week of (?:the )?(?:(?P<m>{MON}) (?P<d>{DTH})|(?P<d>{DTH}) (?:of )?(?P<m>{MON}))", "set": {"week_of": True}},
    {"name": "closest_weekday", "pattern": r"(?:the )?(?:closest|nearest) (?P<closest>{WEEKDAY}) to (?:the )?(?:(?P<m>{MON}) ?(?P<d>{DTH})|(?P<d>{DTH}) (?:of )?(?P<m>{MON}))" + _Y + "?"},
    {"name": "m/d/y", "pattern": r"{ON}?(?P<m>{D})(?P<sep>[/.-])(?P<d>{D})(?P=sep)(?P<y>{YYYY}|\d\d)(?![.,]?\d)"},
    {"name": "d/mon/y", "pattern": r"(?P<d>{D})(?P<sep>[/.-])(?P<m>{MON})(?P=sep)(?P<y>{YYYY}|\d\d)(?!\d)"},
    {"name": "y-m-d", "pattern": r"(?P<y>{YYYY})-(?P<m>{MM})-(?P<d>{D})(?!\d)"},
    {"name": "y-m", "pattern": r"(?P<y>{YYYY})[-/](?P<m>{MM})(?![-/]?\d)"},
    {"name": "month_year", "pattern": r"{ON}?(?:in )?(?P<m>{MON}),? (?P<y>{YYYY})(?!\d)"},
    {"name": "month", "pattern": r"(?:(?:in|since|until|till|by|during|from|through|before|after|of) )?(?P<m>{MONTH})(?!\w)",
     "strict": ("m",)},
    {"name": "month_rel", "pattern": r"(?P<rel>this|next|last|the coming|the past) (?P<m>{MONTH})"},
    {"name": "month_after_next", "pattern": r"(?P<m>{MONTH}) after next", "set": {"occ": 2}},
    {"name": "month_in_a_year", "pattern": r"(?P<m>{MONTH}) in (?:a|1|one) year", "set": {"rel_year": 1}},
    {"name": "the_nth", "pattern": r"(?:on )?the (?P<d>{DTH})(?! (?:of|century|anniversary|time|day|week|month|year|quarter|half|place|floor))", "priority": -1,
     "require": r"\d|first|second|third|fifth|twentieth|thirtieth"},
    {"name": "nth_of_month", "pattern": r"(?:the )?(?P<d>{DTH}) of (?:the |this )?(?P<rel>current|this|next|last)? ?(?P<unit>month)"},
    # --- years -------------------------------------------------------------------------
    {"name": "in_year", "pattern": r"(?P<prep>in|since|by|until|till|from|through|during|before|after|of|year|around|circa|early|late|mid) (?P<y>{YEARCTX})(?: (?P<era>{ERA}))?(?![\w-]|\.\d)"},
    {"name": "(yyyy)", "pattern": r"(?<=\()(?P<y>{YYYY})(?=\))"},
    {"name": "from_year_to_year", "pattern": r"(?:from|between) (?P<y>{YYYY}) (?:to|and|until|till|through|-) (?P<y2>{YYYY})(?!\d)"},
    {"name": "year_range", "pattern": r"(?P<y>{YYYY}) ?[-–] ?(?P<y2>{YYYY}|\d\d)(?!\d)"},
    {"name": "decade", "pattern": r"(?:in )?(?:the |early |late |mid-?)*(?:(?P<decade>(?:1[5-9]|20)\d0)s|'(?P<decade>\d0)s)"},
    # --- halves and quarters -----------------------------------------------------------
    {"name": "half", "pattern": r"(?:in )?(?:the )?(?P<half>{HALF}) half(?: of (?:(?P<y>{YYYY})|(?P<rel>this|next|last) (?P<unit>year)|the year|(?P<unit>year)))?"},
    {"name": "h1_2024", "pattern": r"h(?P<half>[12]) (?P<y>{YYYY})"},
    {"name": "quarter", "pattern": r"(?:in )?(?:the )?(?P<q>{QUARTER}) (?:quarter|qtr)(?: of (?:(?P<y>{YYYY})|(?P<rel>this|next|last) (?P<unit>year)|the year))?(?:,? (?P<y>{YYYY}))?"},
    {"name": "q3_2024", "pattern": r"q(?P<q>[1-4])(?:[ /-]?(?P<y>{YYYY}))?"},
    # --- relative periods -----------------------------------------------------------------
    {"name": "unit_rel", "pattern": r"(?:(?:in|during|over|for|within) )?(?P<rel>{REL}) (?P<unit>year|yr|month|week|quarter|qtr)(?!s)"},
    {"name": "dayrel", "pattern": r"(?P<dayrel>{DAYREL})"},
    {"name": "now", "pattern": r"(?P<now>{NOW})"},
    {"name": "earlier_this", "pattern": r"(?P<part>earlier|later) (?:this|in the) (?P<unit>year|month|week)", "set": {"rel0": True}},
    {"name": "part_of", "pattern": r"(?:(?:at|by|in|from|until|since) )?(?P<part>{PART}) of (?:(?:the )?(?:(?P<rel>this|current|next|last) )?(?P<unit>year|month|week|day)|(?P<y>{YYYY})|(?P<m>{MONTH})(?: (?P<y>{YYYY}))?)"},
    {"name": "part_month", "pattern": r"(?:in )?(?P<part>early|mid|late|mid-) ?(?P<m>{MONTH})(?: (?P<y>{YYYY}))?"},
    {"name": "part_year", "pattern": r"(?:in )?(?P<part>early|mid|late|mid-) ?(?P<y>{YYYY})(?!\d)"},
    {"name": "bom", "pattern": r"(?:at )?(?:the )?(?P<bo>bom|boy|eom|eoy)"},
    # --- weekdays ----------------------------------------------------------------------------
    {"name": "weekday", "pattern": r"{ON}?(?P<wd>{WD})", "strict": ("wd",)},
    {"name": "weekday_rel", "pattern": r"(?:(?:around|on) )?(?P<rel>next|last|this|past|coming|previous) (?P<wd>{WEEKDAY})"},
    {"name": "weekday_after_next", "pattern": r"(?P<wd>{WEEKDAY}) after next", "set": {"occ": 2}},
    {"name": "weekday_week", "pattern": r"(?P<wd>{WEEKDAY}),? (?:of |from )?(?:the )?(?P<rel>this|next|last|previous|current) (?P<unit>week)"},
    {"name": "weekday_week2", "pattern": r"(?P<rel>last|next|this) (?P<unit>week)'s (?P<wd>{WEEKDAY})"},
    {"name": "weekday_day", "pattern": r"(?P<wd>{WEEKDAY}),? (?:the )?(?P<d>{DTH})(?! (?:of )?(?:{MONTH}))"},
    {"name": "nth_weekday_of", "pattern": r"(?:the )?(?P<nth>{NTH}) (?P<wd>{WEEKDAY}) (?:of|in) (?:(?:the |this )(?P<unit>month)|(?P<m>{MONTH})(?: (?P<y>{YYYY}))?)"},
    {"name": "nth_week_of", "pattern": r"(?:the )?(?P<nth>{NTH}) week (?:of|in) (?P<m>{MONTH})(?: (?P<y>{YYYY}))?"},
    {"name": "n_weekdays_from_now", "pattern": r"(?P<occ>\d|{NUMBER}) (?P<wd>{WEEKDAY})s from (?:now|today)"},
    # --- time of day -----------------------------------------------------------------------------
    {"name": "clock_hm", "pattern": r"{AT}?(?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))? ?(?P<ampm>{AMPM})?(?: (?P<tz>{TZ}))?(?!\d)"},
    {"name": "clock_h_ampm", "pattern": r"{AT}?(?P<H>1[0-2]|0?[1-9]) ?(?P<ampm>{AMPM})(?: (?P<tz>{TZ}))?"},
    {"name": "clock_19h30", "pattern": r"{AT}?(?P<H>[01]?\d|2[0-3])h(?P<M>[0-5]\d)(?!\w)"},
    {"name": "clock_oclock", "pattern": r"{AT}?(?P<H>1[0-2]|0?[1-9]|{NUMBER}) o'?clock(?: in the (?P<pod>morning|afternoon|evening))?"},
    {"name": "noon", "pattern": r"(?:at )?(?P<noon>noon|midday|midnight)"},
    {"name": "pod_day", "pattern": r"(?:(?:this|in the) )?(?P<pod>morning|afternoon|evening|night)(?: of (?P<dayrel>today|tomorrow|yesterday))?",
     "require": r"this|in the|of"},
    {"name": "pod_dayrel", "pattern": r"(?P<dayrel>yesterday|tomorrow) (?P<pod>morning|afternoon|evening|night)"},
    {"name": "last_night", "pattern": r"(?P<rel>last) (?P<pod>night)"},
    {"name": "after_lunch", "pattern": r"(?P<pod>after lunch)"},
    # --- holidays and seasons ----------------------------------------------------------------------
    {"name": "holiday", "pattern": r"(?P<hol>{HOLIDAY})(?: (?P<y>{YYYY}))?"},
    {"name": "season", "pattern": r"(?:(?:this|the current|current|(?P<rel>next|last)) )?(?P<season>{SEASON})(?: (?:of )?(?P<y>{YYYY}))?",
     "require": r"this|current|next|last|\d"},
    # --- spans relative to now -------------------------------------------------------------------------
    {"name": "last_n", "kind": "last_n", "pattern": r"(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous) (?P<n>{NUMD}) (?P<unit>{UNIT})"},
    {"name": "next_n", "kind": "next_n", "pattern": r"(?:(?:in|over|during|for) )?(?:the )?(?:next|coming|following) (?P<n>{NUMD}) (?P<unit>{UNIT})"},
    {"name": "ago", "kind": "ago", "pattern": r"(?P<n>{NUMD}) (?P<unit>{UNIT}) (?:ago|earlier|before)(?! (?:the|that|it|he|she|they|we|i)\b)"},
    {"name": "in_n", "kind": "in", "pattern": r"(?:in|within) (?P<n>{NUMD}) (?P<unit>{UNIT})(?! (?:of|ago))"},
    {"name": "hence", "kind": "in", "pattern": r"(?P<n>{NUMD}) (?P<unit>{UNIT}) (?:hence|from (?:now|today)|later)"},
    {"name": "rest_of", "pattern": r"(?:for )?(?:the )?(?P<part>rest) of (?:the |this )?(?P<unit>week|month|year|day)", "set": {"rel0": True}},
    {"name": "duration", "kind": "duration", "priority": -2,
     "pattern": r"(?:(?P<n>\d+(?:\.\d+)?)-? ?|(?P<n>{NUMD}) )(?:(?:consecutive|straight|full|whole|long|more|additional|long) )?(?P<unit>{UNIT})(?![\w-]| old)"},
    {"name": "set", "kind": "set", "pattern": r"(?:every|each) (?P<unit>year|month|week|day|quarter)|(?P<setword>daily|weekly|monthly|yearly|annually|quarterly)"},
]

JOIN = r"\s*(?:,\s*)?(?:(?:on|at|of|in)\s+)?(?:the\s+)?"
RANGE_GAP = r"\s*(?:-|–|/|to|through|thru|until|till|and)\s*"
RANGE_PREFIX = r"(?:from|between)\s*(?:the\s*)?$"
# Words just before a bare weekday that put it in the past ("said on Monday").
PAST_CUES = (r"(?:\b(?:said|told|was|were|had|did|met|began|won|lost|died|announced|reported"
             r"|released|killed|arrived|left|came|went|took|made|held|opened|closed|\w+ed))"
             r"\s+(?:\w+\s+){0,3}(?:on\s+)?$")
