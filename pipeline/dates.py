"""Date and time expressions: find them, normalize them to TIMEX3 values and intervals.

The grammar of each language lives in ``pipeline/lang/<lang>/dates.py`` as data:
vocabularies (``VOCAB``), regex fragments (``FRAGMENTS``) and rules (``RULES``) whose
named groups say what each part means. This module is the engine:

1. compile each rule (placeholders expanded; for Vietnamese accent-folded, so stripped
   text like ``nam 2003`` matches too);
2. find every rule match, keep the longest non-overlapping ones;
3. join neighbours into one expression (time + date: ``12h trưa 17.9``; weekday + date;
   ranges ``July 13 - July 15``, ``từ A đến B``);
4. resolve each expression against the reference date to a TIMEX3 ``value``, a
   ``grain`` and a wall-clock interval ``[start_time, end_time)``.

Resolution rules (documented choices):

- A year-less day or month takes the reference's year (``in March`` in an article of
  September 2024 is 2024-03; ``ngày 17.9`` is 2024-09-17); with a direction word it is
  the next (``tháng 5 tới``) or previous (``tháng 5 vừa qua``) occurrence.
- A day without month takes the reference's month.
- A bare weekday is the next one after the reference (Duckling), unless a past cue
  precedes it (``hôm thứ Hai``, ``said on Monday``): then the previous one. ``next
  Monday`` / ``thứ Hai tới`` is the Monday of next week; ``last Monday`` the previous one.
- A clock time without a date is the next such time after the reference; a 12-hour
  reading with no am/pm or part of day is whichever of h / h+12 comes first.
- Parts of periods keep the period's ``value`` and ``grain`` and narrow the interval
  (Duckling's bounds): beginning of year = Jan-Mar, end of year = Sep-Dec, beginning of
  month = days 1-10, middle = 11-20, end = 21-end, beginning of week = Mon-Wed;
  ``earlier this year`` = from 1 January to the reference day.
- Holidays are this year's date (the reference's year, or the year given); Tết and
  Trung thu come from the Vietnamese lunar calendar (UTC+7).
- ``N units vừa qua`` / ``the past N units`` is the interval of the N whole units
  before the current one; ``N units ago``/``in N units`` are points (grain day, or
  second below a day).
- Durations (``8 tháng``, ``five consecutive weeks``) are ``type="duration"`` with an
  ISO 8601 ``P..`` value and no interval; sets (``hàng năm``, ``every week``) are
  ``type="set"``.
- Without a reference, expressions that need one get a value with ``X`` for the
  unknown parts (``XXXX-09-27``) or ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, and
  null ``start_time``/``end_time``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import importlib
import math
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from pipeline.document import Date, Document

__all__ = ["DateMatch", "find", "DatesStage", "lunar_to_solar", "fold"]

GRAINS = ("second", "minute", "hour", "day", "week", "month", "quarter", "half", "year", "decade")
_GRAIN_RANK = {g: i for i, g in enumerate(GRAINS)}


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int  # offsets into the string given to find()
    text: str
    value: str | None  # TIMEX3 value
    grain: str | None
    start_time: dt.datetime | None
    end_time: dt.datetime | None  # exclusive
    relative: bool
    type: str  # date|time|duration|set


# ---------------------------------------------------------------------------
# Text folding (Vietnamese): same length, so offsets are unchanged.
# ---------------------------------------------------------------------------

def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d" if c == "đ" else "D"
    base = unicodedata.normalize("NFD", c)[0]
    return base if len(base) == 1 else c


@lru_cache(maxsize=4096)
def _fold_cached(c: str) -> str:
    return _fold_char(c)


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics, one character for one character."""
    out = []
    for c in text:
        lc = c.lower()
        if len(lc) != 1:
            lc = c
        out.append(_fold_cached(lc) if ord(lc) > 127 else lc)
    return "".join(out)


def _strip_marks(text: str) -> str:
    """Diacritics off, case kept (for regex sources, whose syntax is case-sensitive)."""
    return "".join(_fold_cached(c) if ord(c) > 127 else c for c in text)


def _lower(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------------------
# Grammar compilation
# ---------------------------------------------------------------------------

_PLACEHOLDER = regex.compile(r"\{([A-Z_]+)\}")


@dataclass
class _Rule:
    name: str
    regex: regex.Pattern
    kind: str
    fixed: dict
    priority: int
    strict: tuple
    require: regex.Pattern | None


@dataclass
class _Grammar:
    lang: str
    rules: list[_Rule]  # on the lower-cased text
    folded_rules: list[_Rule]  # Vietnamese only: on accent-folded text
    vocab: dict[str, dict]
    folded_vocab: dict[str, dict]
    accented_words: frozenset
    # (exact, folded) versions of the glue patterns
    join: tuple
    range_gap: tuple
    range_prefix: tuple
    past_cues: tuple
    folding: bool


def _alternation(keys) -> str:
    return "|".join(regex.escape(k) for k in sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar:
    mod = importlib.import_module(f"pipeline.lang.{lang}.dates")
    folding = lang == "vi"
    vocab = mod.VOCAB
    frags = mod.FRAGMENTS

    def expand(pattern: str) -> str:
        for _ in range(5):
            new = _PLACEHOLDER.sub(
                lambda m: ("(?:" + frags[m.group(1)] + ")") if m.group(1) in frags
                else ("(?:" + _alternation(vocab[m.group(1)]) + ")"),
                pattern,
            )
            if new == pattern:
                break
            pattern = new
        return pattern

    accented: set[str] = set()

    def collect(text: str) -> None:
        for w in regex.findall(r"\w+", text):
            w = w.lower()
            if fold(w) != w:
                accented.add(w)

    for table in vocab.values():
        for k in table:
            collect(k)
    rules, folded_rules = [], []
    for r in mod.RULES:
        src = expand(r["pattern"])
        collect(src)
        req = r.get("require")
        for target, source in ((rules, src), (folded_rules, _strip_marks(src))):
            if target is folded_rules and not folding:
                continue
            pat = regex.compile(r"(?<![\w])(?:" + source + r")(?![\w])")
            target.append(_Rule(r["name"], pat, r.get("kind", "point"), dict(r.get("set", {})),
                                r.get("priority", 0), tuple(r.get("strict", ())),
                                regex.compile(req) if req else None))
    for extra in (mod.JOIN, mod.RANGE_GAP, mod.RANGE_PREFIX, mod.PAST_CUES):
        collect(extra)
    folded_vocab = {}
    for name, table in vocab.items():
        ft: dict = {}
        for k, v in table.items():
            ft.setdefault(fold(k), v)
        folded_vocab[name] = ft

    def comp(p: str) -> tuple[regex.Pattern, regex.Pattern]:
        return regex.compile(p), regex.compile(_strip_marks(p))

    return _Grammar(lang, rules, folded_rules, vocab, folded_vocab, frozenset(accented),
                    comp(r"^" + mod.JOIN + r"$"), comp(r"^" + mod.RANGE_GAP + r"$"),
                    comp(mod.RANGE_PREFIX), comp(mod.PAST_CUES), folding)


_WORD = regex.compile(r"[^\W\d_]{2,}")


def _is_stripped(text: str) -> bool:
    """Vietnamese text written (or left) without diacritics: under 1 word in 5 carries any."""
    words = _WORD.findall(text)
    if not words:
        return False
    marked = sum(1 for w in words if fold(w) != w.lower())
    return marked < 0.2 * len(words)


def _prepare(text: str, g: _Grammar) -> tuple[str, bool]:
    """The string the rules run on and whether it is accent-folded.

    English and accented Vietnamese: the lower-cased text. Vietnamese without diacritics
    (stripped input whose restoration failed): the accent-folded text, with every accented
    word the grammar does not know masked (so ``nằm`` cannot read as ``năm``)."""
    low = _lower(text)
    if not g.folding or not _is_stripped(text):
        return low, False
    chars = list(fold(low))
    for m in regex.finditer(r"\w+", low):
        w = m.group()
        if w not in g.accented_words and fold(w) != w:
            chars[m.start():m.end()] = "#" * (m.end() - m.start())
    return "".join(chars), True


# ---------------------------------------------------------------------------
# Specs: what an expression says, before resolution
# ---------------------------------------------------------------------------

@dataclass
class _Spec:
    kind: str = "point"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    H: int | None = None
    M: int | None = None
    S: int | None = None
    h24: bool = False
    q: int | None = None
    half: int | None = None
    decade: int | None = None
    rel: dict = field(default_factory=dict)
    dir: int = 0
    occ: int | None = None
    nth: int | None = None
    week_of: bool = False
    pod: tuple | None = None
    ampm: str | None = None
    tz: int | None = None
    part: str | None = None
    hol: tuple | None = None
    season: str | None = None
    now: bool = False
    n: float | None = None
    unit: str | None = None
    past: bool = False
    set_value: str | None = None
    to: "_Spec | None" = None
    needs_join: bool = False
    rel_this: bool = False  # "this March", "thứ Hai này": same year / this week
    closest: int | None = None  # weekday closest to the date ("the closest Monday to Oct 5th")

    def has_date(self) -> bool:
        return any(x is not None for x in (self.y, self.m, self.d, self.wd, self.q, self.half,
                                           self.decade, self.hol, self.season)) or bool(self.rel)

    def has_time(self) -> bool:
        return self.H is not None or self.pod is not None or self.now


class _NoMatch(Exception):
    pass


def _to_int(text: str) -> int | None:
    t = regex.sub(r"(st|nd|rd|th)$", "", text.strip())
    return int(t) if t.isdigit() else None


def _lookup(g: _Grammar, table: str, raw: str, low: str):
    """Value of ``raw`` (original text, lower case) / ``low`` (matched, maybe folded) in a vocabulary."""
    raw = regex.sub(r"\s+", " ", raw.strip().rstrip(".")).lower()
    low = regex.sub(r"\s+", " ", low.strip().rstrip("."))
    t = g.vocab.get(table, {})
    for key in (raw, raw + "."):
        if key in t:
            return t[key]
    ft = g.folded_vocab.get(table, {})
    for key in (fold(raw), low):
        if key in ft:
            return ft[key]
    return None


def _number(g: _Grammar, raw: str, low: str) -> float | None:
    s = low.strip()
    if regex.fullmatch(r"\d+", s):
        return float(s)
    if regex.fullmatch(r"\d+[.,]\d+", s):
        return float(s.replace(",", "."))
    if regex.fullmatch(r"\d/\d", s):
        a, b = s.split("/")
        return int(a) / int(b) if int(b) else None
    if s in ("nua", "nửa", "half a", "half an"):
        return 0.5
    v = _lookup(g, "NUMBER", raw, low)
    return float(v) if v is not None else None


def _spec_from_match(g: _Grammar, rule: _Rule, m: regex.Match, text: str, low: str) -> _Spec:
    s = _Spec(kind=rule.kind)

    def grp(name):
        if name not in rule.regex.groupindex:
            return None
        a, b = m.span(name)
        if a < 0:
            return None
        return text[a:b], low[a:b]

    def intval(name, *tables):
        got = grp(name)
        if got is None:
            return None
        raw, lw = got
        v = _to_int(lw)
        if v is not None:
            return v
        for t in tables:
            v = _lookup(g, t, raw, lw)
            if v is not None:
                return v
        raise _NoMatch(f"{name}={raw!r}")

    for name in rule.strict:
        got = grp(name)
        if got is not None:
            raw = got[0]
            key = fold(raw.lower().rstrip("."))
            after = text[m.end():m.end() + 12]
            dated = regex.match(r"\.?\s*,|\.?\s+\d|\.?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d)", after) is not None
            if key in _AMBIGUOUS.get(g.lang, ()):
                # an everyday word (may, march, sun): capitalised, and an abbreviation needs a date after it
                if not (raw[:1].isupper() and raw[1:2].islower()):
                    raise _NoMatch("ambiguous lower-case word")
                if g.lang == "en" and key in _AMBIGUOUS_ABBR and not dated:
                    raise _NoMatch("ambiguous abbreviation alone")
            elif g.lang == "en" and key in _AMBIGUOUS_ABBR and not dated:
                if not text[m.start(name):m.end()].rstrip().endswith(".") and not after.startswith("."):
                    raise _NoMatch("abbreviation alone")
    if rule.require is not None and not rule.require.search(m.group()):
        raise _NoMatch("required context missing")

    y = grp("y")
    if y is not None:
        yv = int(y[1])
        if len(y[1]) == 2:
            yv += 2000 if yv < 50 else 1900
        era = grp("era")
        if era is not None and _lookup(g, "ERA", *era) == -1:
            yv = -yv
        s.y = yv
    s.m = intval("m", "MONTH")
    if s.m is not None and not 1 <= s.m <= 12:
        raise _NoMatch("month")
    s.d = intval("d", "ORDINAL", "NUMBER")
    if s.d is not None and not 1 <= s.d <= 31:
        raise _NoMatch("day")
    s.wd = intval("wd", "WEEKDAY")
    s.H = intval("H", "NUMBER")
    got = grp("M")
    if got is not None:
        v = _to_int(got[1])
        s.M = v if v is not None else (_lookup(g, "MINUTE_WORD", *got) or _lookup(g, "NUMBER", *got))
        if s.M is None:
            raise _NoMatch("minute")
    s.S = intval("S", "NUMBER")
    kem = intval("kem", "NUMBER")
    if s.H is not None:
        raw_h = grp("H")[1]
        s.h24 = s.H > 12 or s.H == 0 or (len(raw_h) == 2 and raw_h.startswith("0"))
        if kem:
            s.H, s.M = s.H - 1, 60 - kem
            if s.H < 0:
                s.H += 24
        if s.H == 24:
            s.H, s.h24 = 0, True
    got = grp("noon")
    if got is not None:
        s.H, s.h24 = (0, True) if "midnight" in got[1] else (12, True)
    got = grp("ampm")
    if got is not None:
        s.ampm = _lookup(g, "AMPM", *got)
    got = grp("tz")
    if got is not None:
        s.tz = _lookup(g, "TZ", *got)
    got = grp("pod")
    if got is not None:
        s.pod = _lookup(g, "POD", *got)
    got = grp("dayrel")
    if got is not None:
        s.rel["day"] = _lookup(g, "DAYREL", *got)
    got = grp("now")
    if got is not None:
        s.now = True
    relv = None
    got = grp("rel")
    if got is not None:
        relv = _lookup(g, "REL", *got)
        if relv is None:
            relv = {"nam ngoai": -1}.get(got[1], None)
            if relv is None:
                raise _NoMatch("rel")
    got = grp("unit")
    unit = _lookup(g, "UNIT", *got) if got is not None else None
    if rule.kind == "point":
        if unit is not None:
            if unit == "day" and s.rel:
                pass
            else:
                s.rel[unit] = relv if relv is not None else 0
        elif relv is not None:
            if s.pod is not None and s.H is None and "day" not in s.rel:
                s.rel["day"] = 0 if relv == 0 else -1  # sáng nay, tối qua
            elif relv == 0:
                s.rel_this = True  # "this March": same year
            else:
                s.dir = 1 if relv > 0 else -1
    else:
        s.unit = unit
    got = grp("n")
    if got is not None:
        s.n = _number(g, *got)
    got = grp("q")
    if got is not None:
        s.q = _lookup(g, "QUARTER", *got)
    got = grp("half")
    if got is not None:
        s.half = _to_int(got[1]) or _lookup(g, "HALF", *got)
    got = grp("part")
    if got is not None:
        s.part = _lookup(g, "PART", *got) or {"mid-": "mid"}.get(got[1])
    got = grp("prep")
    if got is not None:
        s.part = {"early": "begin", "mid": "mid", "late": "end"}.get(got[1])
    got = grp("hol")
    if got is not None:
        s.hol = _lookup(g, "HOLIDAY", *got)
    got = grp("season")
    if got is not None:
        s.season = _lookup(g, "SEASON", *got)
    got = grp("decade")
    if got is not None:
        dv = int(got[1])
        if dv < 100:
            dv += 1900 if dv >= 30 else 2000
        s.decade = dv
    s.nth = intval("nth", "NTH")
    s.closest = intval("closest", "WEEKDAY")
    occ = intval("occ", "NUMBER")
    if occ is not None:
        s.occ = occ
    if grp("past") is not None:
        s.past = True
    got = grp("bo")
    if got is not None:
        s.part = "begin" if got[1].startswith("b") else "end"
        s.rel["month" if got[1].endswith("m") else "year"] = 0
    got = grp("setword")
    if got is not None:
        s.set_value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                       "annually": "P1Y", "quarterly": "P3M"}[got[1]]
    if rule.kind == "set" and s.set_value is None:
        s.set_value = _lookup(g, "SET_UNIT", *grp("unit")) if grp("unit") else None
    # range ends
    if grp("d2") is not None or grp("y2") is not None:
        to = _Spec()
        if grp("y2") is not None:
            y2 = int(grp("y2")[1])
            if y2 < 100:
                y2 += (s.y // 100) * 100
            to.y = y2
        if grp("d2") is not None:
            to.d = intval("d2", "ORDINAL", "NUMBER")
            to.m = intval("m2", "MONTH")
        s.to = to
    for k, v in rule.fixed.items():
        if k == "rel_year":
            s.rel["year"] = v
        elif k == "rel0":
            pass
        else:
            setattr(s, k, v)
    if rule.name in ("pod_only",):
        s.needs_join = True
    return s


_AMBIGUOUS = {"en": {"may", "march", "mar", "sun", "sat", "wed", "jan", "dec", "aug"},
              "vi": {"tet", "noel", "cn"}}
_AMBIGUOUS_ABBR = {"sun", "sat", "wed", "mon", "tue", "thu", "fri", "tues", "thurs"}

# ---------------------------------------------------------------------------
# Calendar helpers
# ---------------------------------------------------------------------------


def _trunc(t: dt.datetime, grain: str) -> dt.datetime:
    if grain == "second":
        return t.replace(microsecond=0)
    if grain == "minute":
        return t.replace(second=0, microsecond=0)
    if grain == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    day = t.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "day":
        return day
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "quarter":
        return day.replace(month=(t.month - 1) // 3 * 3 + 1, day=1)
    if grain == "half":
        return day.replace(month=1 if t.month <= 6 else 7, day=1)
    if grain == "year":
        return day.replace(month=1, day=1)
    if grain == "decade":
        return day.replace(year=t.year // 10 * 10, month=1, day=1)
    raise ValueError(grain)


_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120}
_DELTA = {"second": dt.timedelta(seconds=1), "minute": dt.timedelta(minutes=1),
          "hour": dt.timedelta(hours=1), "day": dt.timedelta(days=1),
          "week": dt.timedelta(weeks=1), "fortnight": dt.timedelta(weeks=2)}


def _add(t: dt.datetime, grain: str, n: float) -> dt.datetime:
    if grain in _DELTA:
        return t + _DELTA[grain] * n
    months = round(_MONTHS_IN[grain] * n)
    total = t.year * 12 + (t.month - 1) + months
    y, mo = divmod(total, 12)
    day = min(t.day, calendar.monthrange(y, mo + 1)[1])
    return t.replace(year=y, month=mo + 1, day=day)


def _fmt(t: dt.datetime, grain: str) -> str:
    y = f"{t.year:04d}" if t.year >= 0 else f"-{-t.year:04d}"
    if grain == "decade":
        return f"{t.year // 10:03d}X"
    if grain == "year":
        return y
    if grain == "half":
        return f"{y}-H{1 if t.month <= 6 else 2}"
    if grain == "quarter":
        return f"{y}-Q{(t.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{y}-{t.month:02d}"
    if grain == "week":
        iy, iw, _ = t.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if grain == "day":
        return f"{y}-{t.month:02d}-{t.day:02d}"
    if grain in ("hour", "minute"):
        return f"{y}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}"
    return f"{y}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}"


# Vietnamese lunar calendar (Hồ Ngọc Đức's algorithm, astronomical new moons, UTC+7).

def _jd_from_date(d: int, m: int, y: int) -> int:
    a = (14 - m) // 12
    yy = y + 4800 - a
    mm = m + 12 * a - 3
    return d + (153 * mm + 2) // 5 + 365 * yy + yy // 4 - yy // 100 + yy // 400 - 32045


def _new_moon(k: int) -> float:
    T = k / 1236.85
    T2, T3 = T * T, T * T * T
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr)
    M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3
    Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3
    F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3
    C1 = (0.1734 - 0.000393 * T) * math.sin(M * dr) + 0.0021 * math.sin(2 * dr * M)
    C1 += -0.4068 * math.sin(Mpr * dr) + 0.0161 * math.sin(dr * 2 * Mpr)
    C1 += -0.0004 * math.sin(dr * 3 * Mpr)
    C1 += 0.0104 * math.sin(dr * 2 * F) - 0.0051 * math.sin(dr * (M + Mpr))
    C1 += -0.0074 * math.sin(dr * (M - Mpr)) + 0.0004 * math.sin(dr * (2 * F + M))
    C1 += -0.0004 * math.sin(dr * (2 * F - M)) - 0.0006 * math.sin(dr * (2 * F + Mpr))
    C1 += 0.0010 * math.sin(dr * (2 * F - Mpr)) + 0.0005 * math.sin(dr * (2 * Mpr + M))
    if T < -11:
        deltat = 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
    else:
        deltat = -0.000278 + 0.000265 * T + 0.000262 * T2
    return jd1 + C1 - deltat


def _new_moon_day(k: int, tz: float) -> int:
    return math.floor(_new_moon(k) + 0.5 + tz / 24)


def _sun_longitude(jdn: float) -> int:
    T = (jdn - 2451545.0) / 36525
    T2 = T * T
    dr = math.pi / 180
    M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2
    L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2
    DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * math.sin(dr * M)
    DL += (0.019993 - 0.000101 * T) * math.sin(dr * 2 * M) + 0.000290 * math.sin(dr * 3 * M)
    L = (L0 + DL) * dr
    L = L - math.pi * 2 * math.floor(L / (math.pi * 2))
    return math.floor(L / math.pi * 6)


def _sun_long_day(jdn: int, tz: float) -> int:
    return _sun_longitude(jdn - 0.5 - tz / 24)


def _lunar_month11(y: int, tz: float) -> int:
    off = _jd_from_date(31, 12, y) - 2415021
    k = math.floor(off / 29.530588853)
    nm = _new_moon_day(k, tz)
    if _sun_long_day(nm, tz) >= 9:
        nm = _new_moon_day(k - 1, tz)
    return nm


def _leap_month_offset(a11: int, tz: float) -> int:
    k = math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_long_day(_new_moon_day(k + i, tz), tz)
    while True:
        last = arc
        i += 1
        arc = _sun_long_day(_new_moon_day(k + i, tz), tz)
        if arc == last or i >= 14:
            break
    return i - 1


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False, tz: float = 7.0) -> dt.date:
    """Gregorian date of a day of the Vietnamese lunar calendar (``lunar_to_solar(1, 1, 2024)`` = Tết 2024)."""
    if month < 11:
        a11, b11 = _lunar_month11(year - 1, tz), _lunar_month11(year, tz)
    else:
        a11, b11 = _lunar_month11(year, tz), _lunar_month11(year + 1, tz)
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11, tz)
        leap_month = leap_off - 2
        if leap_month < 0:
            leap_month += 12
        if leap or off >= leap_off:
            off += 1
    month_start = _new_moon_day(k + off, tz)
    return dt.date.fromordinal(month_start + day - 1 - 1721425)


# ---------------------------------------------------------------------------
# Resolution
# ---------------------------------------------------------------------------

class _NeedRef(Exception):
    pass


@dataclass
class _Resolved:
    start: dt.datetime | None
    end: dt.datetime | None
    grain: str | None
    value: str | None
    relative: bool
    type: str


_SEASONS = {"SP": ((3, 21), (6, 21)), "SU": ((6, 21), (9, 24)), "FA": ((9, 24), (12, 21)),
            "WI": ((12, 21), (3, 21))}


def _season_interval(code: str, year: int) -> tuple[dt.datetime, dt.datetime]:
    (m1, d1), (m2, d2) = _SEASONS[code]
    start = dt.datetime(year, m1, d1)
    end = dt.datetime(year + (1 if code == "WI" else 0), m2, d2)
    return start, end


def _duration_value(n: float | None, unit: str | None) -> str | None:
    if unit is None:
        return None
    if n is None:
        return {"year": "PXY", "month": "PXM", "week": "PXW", "day": "PXD", "hour": "PTXH",
                "minute": "PTXM", "second": "PTXS", "quarter": "PXQ", "decade": "PXE"}.get(unit)
    num = int(n) if float(n).is_integer() else n
    return {"year": f"P{num}Y", "month": f"P{num}M", "week": f"P{num}W", "day": f"P{num}D",
            "quarter": f"P{n * 3:g}M", "half": f"P{n * 6:g}M", "decade": f"P{n * 10:g}Y",
            "fortnight": f"P{n * 2:g}W", "hour": f"PT{num}H", "minute": f"PT{num}M",
            "second": f"PT{num}S"}.get(unit)


def _hour_of(s: _Spec) -> tuple[int, bool]:
    """24-hour clock hour, and whether the 12-hour reading is still ambiguous."""
    h = s.H
    if s.ampm == "pm" and h < 12:
        return h + 12, False
    if s.ampm == "am":
        return (0 if h == 12 else h), False
    if s.pod is not None:
        pm_below = s.pod[2]
        if pm_below and h < pm_below:
            return h + 12, False
        if s.pod[0] >= 18 and s.pod[2] == 0 and 6 <= h < 12:  # 9 giờ đêm = 21:00
            return h + 12, False
        return h, False
    return h, not s.h24 and 1 <= h <= 12


def _resolve(s: _Spec, ref: dt.datetime | None, ref_tz: int | None) -> _Resolved:
    if s.kind == "duration":
        return _Resolved(None, None, s.unit, _duration_value(s.n, s.unit), False, "duration")
    if s.kind == "set":
        return _Resolved(None, None, None, s.set_value, False, "set")
    if s.kind in ("last_n", "next_n", "ago", "in"):
        value = _duration_value(s.n, s.unit)
        if ref is None or s.n is None or s.unit is None:
            vague = "PAST_REF" if s.kind in ("last_n", "ago") else "FUTURE_REF"
            return _Resolved(None, None, s.unit, vague if s.n is None else value, True, "date")
        unit = "week" if s.unit == "fortnight" else s.unit
        n = s.n * 2 if s.unit == "fortnight" else s.n
        if unit == "decade":
            unit, n = "year", n * 10
        if s.kind in ("last_n", "next_n"):
            base = _trunc(ref, unit)
            if s.kind == "last_n":
                start, end = _add(base, unit, -n), base
            else:
                start = _add(base, unit, 1)
                end = _add(start, unit, n)
            return _Resolved(start, end, unit, value, True, "date")
        t = _add(ref, unit, n if s.kind == "in" else -n)
        grain = "day" if _GRAIN_RANK[unit] >= _GRAIN_RANK["day"] else "second"
        start = _trunc(t, grain)
        return _Resolved(start, _add(start, grain, 1), grain, _fmt(start, grain), True,
                         "date" if grain == "day" else "time")
    if s.to is not None and s.d is not None and s.m is None and s.to.m is not None:
        s = replace(s, m=s.to.m, y=s.y if s.y is not None else s.to.y)  # "from the 13th to 15th July"
    res = _resolve_point(s, ref, ref_tz)
    if s.week_of and res.start is not None:
        ws = _trunc(res.start, "week")
        return _Resolved(ws, ws + _DELTA["week"], "week", _fmt(ws, "week"), res.relative, "date")
    if s.to is not None and res.start is not None:
        to = _inherit(s.to, s)
        r2 = _resolve_point(to, ref, ref_tz)
        if r2.start is not None and r2.start >= res.start:
            end = _add(r2.start, res.grain if res.grain != "half" else "half", 1)
            return _Resolved(res.start, end, res.grain, f"{res.value}/{r2.value}",
                             res.relative or r2.relative, res.type)
    return res


def _inherit(to: _Spec, frm: _Spec) -> _Spec:
    """The end of a range takes the coarser parts it does not say from the start
    (``July 13-15``) and the start takes am/pm from the end (``3:30-6 p.m.``)."""
    to = replace(to)
    if to.y is None and to.decade is None:
        to.y = frm.y
        if not to.rel and "year" in frm.rel:
            to.rel = {"year": frm.rel["year"]}
    if to.m is None and to.d is not None and to.wd is None:
        to.m = frm.m
    if to.H is not None and to.d is None and to.m is None and to.wd is None and not to.rel:
        to.y, to.m, to.d, to.wd, to.rel = frm.y, frm.m, frm.d, frm.wd, dict(frm.rel)
    return to


def _resolve_point(s: _Spec, ref: dt.datetime | None, ref_tz: int | None) -> _Resolved:
    try:
        return _resolve_with_ref(s, ref, ref_tz)
    except _NeedRef:
        return _Resolved(None, None, _grain_of(s), _partial_value(s), True,
                         "time" if s.has_time() else "date")


def _grain_of(s: _Spec) -> str:
    if s.now or s.S is not None:
        return "second"
    if s.M is not None:
        return "minute"
    if s.H is not None or s.pod is not None:
        return "hour"
    if s.d is not None or s.wd is not None or s.hol is not None or "day" in s.rel:
        return "day"
    if "week" in s.rel or s.week_of:
        return "week"
    if s.m is not None or "month" in s.rel:
        return "month"
    if s.q is not None or "quarter" in s.rel:
        return "quarter"
    if s.half is not None:
        return "half"
    if s.decade is not None:
        return "decade"
    return "year"


def _partial_value(s: _Spec) -> str | None:
    """TIMEX3 value with X for the parts only a reference date would give."""
    if s.rel and not any(x is not None for x in (s.y, s.m, s.d, s.wd, s.q, s.half, s.H)):
        off = next(iter(s.rel.values()))
        return "PRESENT_REF" if off == 0 else ("FUTURE_REF" if off > 0 else "PAST_REF")
    if s.now:
        return "PRESENT_REF"
    y = f"{s.y:04d}" if s.y is not None else "XXXX"
    if s.q is not None:
        return f"{y}-Q{s.q}"
    if s.half is not None:
        return f"{y}-H{s.half}"
    if s.m is None and s.d is None and s.wd is not None:
        return f"XXXX-WXX-{s.wd + 1}"
    if s.m is None and s.d is None and s.H is None:
        return y if s.y is not None else None
    out = y
    if s.m is not None:
        out += f"-{s.m:02d}"
        if s.d is not None:
            out += f"-{s.d:02d}"
    elif s.d is not None:
        out += f"-XX-{s.d:02d}"
    if s.H is not None:
        h, _ = _hour_of(s)
        out += f"T{h:02d}:{(s.M or 0):02d}"
    return out


def _resolve_with_ref(s: _Spec, ref: dt.datetime | None, ref_tz: int | None) -> _Resolved:
    used_ref = False

    def need() -> dt.datetime:
        nonlocal used_ref
        if ref is None:
            raise _NeedRef
        used_ref = True
        return ref

    if s.now:
        r = _trunc(need(), "second")
        return _Resolved(r, r + _DELTA["second"], "second", _fmt(r, "second"), True, "time")

    start: dt.datetime | None = None
    grain: str | None = None
    end: dt.datetime | None = None

    # -- decade / year frame --
    if s.decade is not None:
        start, grain = dt.datetime(s.decade, 1, 1), "decade"
    elif s.y is not None:
        if s.y <= 0:
            v = f"-{-s.y:04d}"
            return _Resolved(None, None, "year", v, False, "date")
        start, grain = dt.datetime(s.y, 1, 1), "year"
    elif "year" in s.rel:
        start, grain = _add(_trunc(need(), "year"), "year", s.rel["year"]), "year"

    # -- sub-year periods --
    if s.q is not None or s.half is not None:
        unit = "quarter" if s.q is not None else "half"
        idx = s.q if s.q is not None else s.half
        if not 1 <= idx <= (4 if unit == "quarter" else 2):
            raise _NoMatch(unit)
        year = start.year if start is not None else need().year
        start = dt.datetime(year, (idx - 1) * _MONTHS_IN[unit] + 1, 1)
        grain = unit
        if ref is not None and s.y is None and "year" not in s.rel and s.dir:
            rs = _trunc(ref, unit)
            while s.dir > 0 and start <= rs:
                start = _add(start, "year", 1)
            while s.dir < 0 and start >= rs:
                start = _add(start, "year", -1)
    elif s.m is not None:
        if start is not None and grain == "year":
            start = start.replace(month=s.m)
        else:
            r = need()
            start = dt.datetime(r.year, s.m, 1)
            cur = _trunc(r, "month")
            if s.occ:
                k = 0
                cand = start if start > cur else _add(start, "year", 1)
                while k < s.occ - 1:
                    cand = _add(cand, "year", 1)
                    k += 1
                start = cand
            elif s.dir > 0:
                if start <= cur:
                    start = _add(start, "year", 1)
            elif s.dir < 0:
                if start >= cur:
                    start = _add(start, "year", -1)
        grain = "month"
    else:
        for unit in ("quarter", "month", "week"):
            if unit in s.rel:
                start, grain = _add(_trunc(need(), unit), unit, s.rel[unit]), unit
                break

    # -- weeks inside a month: "first week of October 2014" (weeks wholly in the month) --
    if s.nth is not None and s.wd is None and grain == "month":
        mstart = start
        mend = _add(mstart, "month", 1)
        first = mstart + dt.timedelta(days=(7 - mstart.weekday()) % 7)
        weeks = []
        w = first
        while w + dt.timedelta(days=7) <= mend:
            weeks.append(w)
            w += dt.timedelta(days=7)
        idx = s.nth - 1 if s.nth > 0 else len(weeks) + s.nth
        if not 0 <= idx < len(weeks):
            raise _NoMatch("week")
        start, grain = weeks[idx], "week"

    # -- days --
    if s.hol is not None:
        year = start.year if start is not None else need().year
        cal, hm, hd = s.hol
        if cal == "lunar":
            d0 = lunar_to_solar(hd, hm, year)
            start = dt.datetime(d0.year, d0.month, d0.day)
        else:
            start = dt.datetime(year, hm, hd)
        grain = "day"
    elif s.d is not None:
        if start is not None and grain == "month":
            base = start
        else:
            # a day without month: the next such day (Duckling), the previous one after a past cue
            r = _trunc(need(), "day")
            base = dt.datetime(r.year, r.month, 1)
            step = -1 if (s.past or s.dir < 0) else 1
            for _ in range(12):
                if s.d <= calendar.monthrange(base.year, base.month)[1]:
                    cand = base.replace(day=s.d)
                    if (step > 0 and cand >= r) or (step < 0 and cand < r):
                        break
                base = _add(base, "month", step)
            else:
                raise _NoMatch("day of month")
        if s.d > calendar.monthrange(base.year, base.month)[1]:
            raise _NoMatch("day of month")
        start, grain = base.replace(day=s.d), "day"
        if s.closest is not None:
            back = (start.weekday() - s.closest) % 7
            ahead = (s.closest - start.weekday()) % 7
            start = start - dt.timedelta(days=back) if back < ahead else start + dt.timedelta(days=ahead)
    elif s.wd is not None:
        if grain == "week":
            start = start + dt.timedelta(days=s.wd)
        elif grain == "month" and s.nth is not None:
            mstart, mend = start, _add(start, "month", 1)
            days = [mstart + dt.timedelta(days=i) for i in range((mend - mstart).days)]
            days = [x for x in days if x.weekday() == s.wd]
            idx = s.nth - 1 if s.nth > 0 else len(days) + s.nth
            if not 0 <= idx < len(days):
                raise _NoMatch("weekday of month")
            start = days[idx]
        else:
            today = _trunc(need(), "day")
            if s.occ:
                ahead = (s.wd - today.weekday()) % 7 or 7
                start = today + dt.timedelta(days=ahead + 7 * (s.occ - 1))
            elif s.dir > 0:
                start = _trunc(today, "week") + dt.timedelta(days=7 + s.wd)
            elif s.dir < 0 or s.past:
                back = (today.weekday() - s.wd) % 7 or 7
                start = today - dt.timedelta(days=back)
            elif s.rel_this:
                start = _trunc(today, "week") + dt.timedelta(days=s.wd)
            else:
                ahead = (s.wd - today.weekday()) % 7 or 7
                start = today + dt.timedelta(days=ahead)
        grain = "day"
    elif "day" in s.rel:
        start, grain = _add(_trunc(need(), "day"), "day", s.rel["day"]), "day"

    # -- seasons --
    if s.season is not None:
        if s.y is not None:
            ss, se = _season_interval(s.season, s.y)
        else:
            r = need()
            off = s.dir
            ss, se = None, None
            for yy in (r.year - 1, r.year, r.year + 1):
                a, b = _season_interval(s.season, yy)
                if b > r:
                    ss, se = a, b
                    break
            if off:
                ss, se = _season_interval(s.season, ss.year + off)
        value = f"{ss.year:04d}-{s.season}"
        return _Resolved(ss, se, "day", value, used_ref, "date")

    # -- time of day --
    rtype = "date"
    if s.H is not None:
        hour, ambiguous = _hour_of(s)
        minute, second = s.M or 0, s.S or 0
        tgrain = "second" if s.S is not None else ("minute" if s.M is not None else "hour")
        if s.tz is not None and ref_tz is not None:
            shift = dt.timedelta(minutes=ref_tz - s.tz)
        else:
            shift = dt.timedelta(0)
        if start is not None and grain == "day":
            t = start.replace(hour=hour, minute=minute, second=second) + shift
        elif start is None:
            r = need()
            day = _trunc(r, "day")
            cands = []
            for h in ((hour % 12, hour % 12 + 12) if ambiguous else (hour,)):
                for k in (0, 1):
                    c = day + dt.timedelta(days=k, hours=h, minutes=minute, seconds=second) + shift
                    if c > r:
                        cands.append(c)
            t = min(cands)
        else:
            t = None
        if t is not None:
            start, grain, rtype = t, tgrain, "time"
            if shift:
                tgrain = "minute"
                grain = "minute"
    elif s.pod is not None:
        if start is None:
            start, grain = _trunc(need(), "day"), "day"
        if grain == "day":
            ps = start + dt.timedelta(hours=s.pod[0])
            pe = start + dt.timedelta(hours=s.pod[1])
            return _Resolved(ps, pe, "hour", f"{_fmt(start, 'day')}T{_pod_code(s.pod)}", used_ref, "time")

    if start is None:
        raise _NeedRef
    end = _add(start, grain, 1)
    value = _fmt(start, grain)

    # -- part of a period --
    if s.part is not None:
        start, end = _part(start, end, grain, s.part, ref if ref is not None else None)
        if s.part in ("earlier", "later", "rest"):
            used_ref = True
    relative = used_ref
    return _Resolved(start, end, grain, value, relative, rtype)


def _pod_code(pod: tuple) -> str:
    """TIMEX3 part-of-day code of an hour span: MO, MI, AF, EV, NI."""
    a, b = pod[0], pod[1]
    if b <= 12 and a >= 3:
        return "MO"
    if a >= 12 and b <= 14:
        return "MI"
    if a >= 12 and b <= 19:
        return "AF"
    if a >= 18 and b <= 24 and a < 21:
        return "EV"
    return "NI"


def _part(start: dt.datetime, end: dt.datetime, grain: str, part: str,
          ref: dt.datetime | None) -> tuple[dt.datetime, dt.datetime]:
    if part in ("earlier", "later", "rest"):
        if ref is None:
            raise _NeedRef
        today = _trunc(ref, "day")
        if part == "earlier":
            return start, max(start, today)
        if part == "later":
            return min(end, today + dt.timedelta(days=1)), end
        return max(start, today), end
    if grain in ("year", "decade", "half", "quarter"):
        months = round((end.year * 12 + end.month - start.year * 12 - start.month))
        third = max(1, months // 3) if grain != "year" else 3
        if grain == "year":
            spans = {"begin": (0, 3), "mid": (4, 8), "end": (8, 12)}
        else:
            spans = {"begin": (0, third), "mid": (third, months - third), "end": (months - third, months)}
        a, b = spans[part]
        return _add(start, "month", a), _add(start, "month", b)
    if grain == "month":
        a, b = {"begin": (0, 10), "mid": (10, 20), "end": (20, None)}[part]
        return start + dt.timedelta(days=a), (end if b is None else start + dt.timedelta(days=b))
    if grain == "week":
        a, b = {"begin": (0, 3), "mid": (2, 5), "end": (4, 7)}[part]
        return start + dt.timedelta(days=a), start + dt.timedelta(days=b)
    if grain == "day":
        a, b = {"begin": (0, 12), "mid": (10, 14), "end": (18, 24)}[part]
        return start + dt.timedelta(hours=a), start + dt.timedelta(hours=b)
    return start, end


# ---------------------------------------------------------------------------
# Matching, selection, composition
# ---------------------------------------------------------------------------

@dataclass
class _Cand:
    start: int
    end: int
    spec: _Spec
    priority: int
    rule: str


def _candidates(text: str, g: _Grammar) -> tuple[str, bool, list[_Cand]]:
    low, folded = _prepare(text, g)
    cands: list[_Cand] = []
    for rule in (g.folded_rules if folded else g.rules):
        for m in rule.regex.finditer(low, overlapped=True):
            if m.end() == m.start():
                continue
            try:
                spec = _spec_from_match(g, rule, m, text, low)
            except _NoMatch:
                continue
            cands.append(_Cand(m.start(), m.end(), spec, rule.priority, rule.name))
    return low, folded, cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


_DATE_FIELDS = ("y", "m", "d", "wd", "q", "half", "hol", "decade", "season")
_TIME_FIELDS = ("H", "M", "S", "pod", "ampm", "tz")


def _merge(a: _Spec, b: _Spec) -> _Spec | None:
    """One expression from two neighbours (time + date, weekday + date), or None."""
    if a.kind != "point" or b.kind != "point" or a.to is not None or b.to is not None:
        return None
    if a.now or b.now or a.part or b.part:
        return None
    a_time, b_time = a.has_time(), b.has_time()
    a_date, b_date = a.has_date(), b.has_date()
    if a_time and b_time:
        # "12h trưa" + "17.9" are split differently; "3 giờ" + "chiều" never reach here.
        return None
    # a weekday next to a full date: the date wins, the weekday only confirms it
    if a.wd is not None and b.wd is not None:
        return None
    out = replace(a, rel=dict(a.rel))
    for f in _DATE_FIELDS + _TIME_FIELDS + ("h24", "dir", "past", "needs_join"):
        va, vb = getattr(a, f), getattr(b, f)
        if f in ("h24", "past"):
            setattr(out, f, va or vb)
            continue
        if f == "needs_join":
            setattr(out, f, False)
            continue
        if f == "dir":
            setattr(out, f, va or vb)
            continue
        if va is not None and vb is not None and va != vb:
            if f == "pod" and (a.H is not None or b.H is not None):
                continue
            return None
        if va is None:
            setattr(out, f, vb)
    if a_date and b_date:
        # weekday + date, or date + year-less date pieces: only weekday with a day
        if not ((a.wd is not None and b.d is not None and a.d is None)
                or (b.wd is not None and a.d is not None and b.d is None)):
            return None
    for k, v in b.rel.items():
        if k in out.rel and out.rel[k] != v:
            return None
        out.rel[k] = v
    if out.d is not None and "week" in out.rel and out.wd is not None:
        out.rel.pop("week")
    if out.d is not None:
        out.wd = None  # the explicit date is authoritative
    if out.H is not None and out.pod is not None and not a_time and not b_time:
        return None
    if not (a_time or b_time) and not (a.wd is not None or b.wd is not None):
        return None
    return out


def _rangeable(a: _Spec, b: _Spec) -> bool:
    return (a.kind == b.kind == "point" and a.to is None and b.to is None and not a.now
            and not b.now and not a.needs_join and not b.needs_join
            and (_grain_of(a) == _grain_of(b) or (a.H is not None and b.H is not None)))


def _compose(low: str, chosen: list[_Cand], g: _Grammar, folded: bool) -> list[_Cand]:
    """Join neighbours: first into single expressions (time + date, weekday + date),
    then pairs of expressions into ranges (``A - B``, ``from A to B``, ``từ A đến B``)."""
    k = 1 if folded else 0
    join, range_gap, range_prefix = g.join[k], g.range_gap[k], g.range_prefix[k]
    merged: list[_Cand] = []
    for c in chosen:
        if merged:
            prev = merged[-1]
            if join.match(low[prev.end:c.start]):
                spec = _merge(prev.spec, c.spec)
                if spec is not None:
                    end = c.end
                    if "(" in low[prev.end:c.start] and low[end:end + 1] == ")":
                        end += 1  # "thứ Hai (16/9)": take the closing bracket too
                    merged[-1] = _Cand(prev.start, end, spec, prev.priority, prev.rule + "+" + c.rule)
                    continue
        merged.append(c)
    out: list[_Cand] = []
    for c in merged:
        if out:
            prev = out[-1]
            gap = low[prev.end:c.start]
            if range_gap.match(gap) and _rangeable(prev.spec, c.spec):
                pm = range_prefix.search(low[:prev.start])
                if gap.strip() not in ("and", "và") or pm:
                    spec = replace(prev.spec, to=c.spec)
                    if prev.spec.ampm is None and c.spec.ampm is not None and prev.spec.H is not None:
                        spec.ampm = c.spec.ampm
                    start = pm.start() if pm else prev.start
                    out[-1] = _Cand(start, c.end, spec, prev.priority, prev.rule + "~" + c.rule)
                    continue
        out.append(c)
    return [c for c in out if not c.spec.needs_join]


def _ref_parts(reference: dt.datetime | dt.date | None) -> tuple[dt.datetime | None, int | None]:
    if reference is None:
        return None, None
    if not isinstance(reference, dt.datetime):
        reference = dt.datetime(reference.year, reference.month, reference.day)
    tz = None
    if reference.tzinfo is not None and reference.utcoffset() is not None:
        tz = int(reference.utcoffset().total_seconds() // 60)
        reference = reference.replace(tzinfo=None)
    return reference, tz


def find(text: str, lang: str, reference: dt.datetime | None) -> list[DateMatch]:
    """Every date/time expression of ``text`` in ``lang`` ("vi" or "en"), resolved against
    ``reference`` (naive wall clock; an aware datetime also enables time zones like ``CET``)."""
    if lang not in ("vi", "en") or not text:
        return []
    g = _grammar(lang)
    ref, ref_tz = _ref_parts(reference)
    low, folded, cands = _candidates(text, g)
    chosen = _compose(low, _select(cands), g, folded)
    out: list[DateMatch] = []
    for c in chosen:
        s = c.spec
        if ((s.wd is not None or s.d is not None) and s.m is None and not s.dir and not s.occ
                and not s.rel and not s.past and s.y is None):
            if g.past_cues[1 if folded else 0].search(low[max(0, c.start - 60):c.start]):
                s = replace(s, past=True)
        try:
            r = _resolve(s, ref, ref_tz)
        except _NoMatch:
            continue
        # the output grains are second..year: a decade is ten years (199X), a fortnight two weeks
        grain = {"decade": "year", "fortnight": "week"}.get(r.grain, r.grain)
        end = c.end
        if text[end - 1] == "." and not text[end:].strip() and text[end - 2:end - 1].isalpha():
            end -= 1  # the sentence's full stop, not an abbreviation's (`on Thursday.`)
        out.append(DateMatch(c.start, end, text[c.start:end], r.value, grain,
                             r.start, r.end, r.relative, r.type))
    return out


# ---------------------------------------------------------------------------
# Stage
# ---------------------------------------------------------------------------

class DatesStage:
    """Adds ``doc.dates``: every date/time expression of every vi/en segment."""

    name = "dates"
    requires = ("text_norm",)
    provides = ("dates",)

    def __call__(self, doc: Document) -> Document:
        n = 0
        rows: list[Date] = []
        for seg in doc.segments:
            if seg.lang not in ("vi", "en"):
                continue
            text = seg.text_norm if seg.text_norm is not None else seg.text
            for m in find(text, seg.lang, doc.reference_date):
                a, b = seg.to_original(m.start, m.end)
                n += 1
                rows.append(Date(mention_id=f"dates:{n}", start=a, end=b, text=doc.text[a:b],
                                 value=m.value, grain=m.grain, start_time=m.start_time,
                                 end_time=m.end_time, relative=m.relative, lang=seg.lang,
                                 type=m.type))
        doc.dates.extend(rows)
        doc.done.update(self.provides)
        return doc
