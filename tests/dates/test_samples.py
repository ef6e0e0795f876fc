"""The three shared sample articles, reference date 2024-09-18: the exact dates found.

Each sample is split on lines; sample 002 (word-segmented) has its underscores turned
into spaces first (what text_norm does). A line's language comes from py3langid.

Decisions checked here:
- ``at the beginning of the year`` keeps the year as value/grain (2024, year) and narrows
  the interval to January-March (Duckling's "beginning of year");
- a bare month (``in March``) takes the reference's year, even when it is past;
- durations (``8 tháng``, ``five consecutive weeks``) are reported as ``duration`` only;
- ``Cinderella at 2AM`` (a title) does contain a clock time and is reported as one.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import find

REF = dt.datetime(2024, 9, 18)

EXPECTED = {
    "000": [
        ("nửa cuối năm nay", "2024-H2", "half", dt.datetime(2024, 7, 1), dt.datetime(2025, 1, 1)),
        ("năm 1992", "1992", "year", dt.datetime(1992, 1, 1), dt.datetime(1993, 1, 1)),
    ],
    "001": [
        ("at the beginning of the year", "2024", "year", dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
        ("hoi dau nam", "2024", "year", dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
        ("earlier this year", "2024", "year", dt.datetime(2024, 1, 1), dt.datetime(2024, 9, 18)),
        ("On September 27", "2024-09-27", "day", dt.datetime(2024, 9, 27), dt.datetime(2024, 9, 28)),
        ("in March", "2024-03", "month", dt.datetime(2024, 3, 1), dt.datetime(2024, 4, 1)),
        ("next year", "2025", "year", dt.datetime(2025, 1, 1), dt.datetime(2026, 1, 1)),
        ("2017", "2017", "year", dt.datetime(2017, 1, 1), dt.datetime(2018, 1, 1)),
        ("Tết Nguyên đán", "2024-02-10", "day", dt.datetime(2024, 2, 10), dt.datetime(2024, 2, 11)),
        ("Tết Trung thu", "2024-09-17", "day", dt.datetime(2024, 9, 17), dt.datetime(2024, 9, 18)),
        ("năm nay", "2024", "year", dt.datetime(2024, 1, 1), dt.datetime(2025, 1, 1)),
        ("2AM", "2024-09-18T02:00", "hour", dt.datetime(2024, 9, 18, 2), dt.datetime(2024, 9, 18, 3)),
        ("ngày 17.9", "2024-09-17", "day", dt.datetime(2024, 9, 17), dt.datetime(2024, 9, 18)),
        ("vào khoảng 12h trưa 17.9", "2024-09-17T12:00", "hour", dt.datetime(2024, 9, 17, 12),
         dt.datetime(2024, 9, 17, 13)),
    ],
    "002": [
        ("năm 2003", "2003", "year", dt.datetime(2003, 1, 1), dt.datetime(2004, 1, 1)),
        ("Trong năm qua", "2023", "year", dt.datetime(2023, 1, 1), dt.datetime(2024, 1, 1)),
        ("năm 2004", "2004", "year", dt.datetime(2004, 1, 1), dt.datetime(2005, 1, 1)),
        ("tháng 5 tới", "2025-05", "month", dt.datetime(2025, 5, 1), dt.datetime(2025, 6, 1)),
        ("Trong những tháng tới", "FUTURE_REF", "month", None, None),  # vague: no interval
    ],
}
DURATIONS = {
    "000": ["17 phút"],
    "001": ["five consecutive weeks", "four weeks", "5 years", "10-Year"],
    "002": ["8 tháng"],
}
NEVER = ["96 tuổi", "5 tập", "24 tập", "ngõ 58", "17.9 điểm", "2,5", "sự", "Từ"]


def _lang(line: str) -> str:
    import py3langid

    return "en" if py3langid.classify(line)[0] == "en" else "vi"


def _extract(samples_dir, prefix):
    path = next(p for p in samples_dir.iterdir() if p.name.startswith(prefix))
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.replace("_", " ") if prefix == "002" else line
        if text.strip():
            out.extend(find(text, _lang(text), REF))
    return out


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_sample_dates(samples_dir, prefix):
    found = _extract(samples_dir, prefix)
    dates = [(m.text, m.value, m.grain, m.start_time, m.end_time) for m in found if m.type in ("date", "time")]
    assert dates == EXPECTED[prefix]
    assert [m.text for m in found if m.type == "duration"] == DURATIONS[prefix]
    for m in found:
        assert not any(bad in m.text for bad in NEVER), m
