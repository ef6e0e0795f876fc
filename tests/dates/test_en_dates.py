"""English grammar: one expected value, many surface forms; and what must not be a date.

Reference: Wednesday 2024-09-18 00:00.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import find

REF = dt.datetime(2024, 9, 18)

CORPUS = {
    ("2024-09-27", "day", dt.datetime(2024, 9, 27)): [
        "September 27", "On September 27", "Sept. 27, 2024", "Sep 27", "27 September 2024",
        "the 27th of September", "2024-09-27", "9/27/2024", "Friday, September 27", "Sept 27th",
        "september twenty-seventh",
    ],
    ("2024-03", "month", dt.datetime(2024, 3, 1)): ["in March", "March 2024", "2024-03", "last March"],
    ("2025", "year", dt.datetime(2025, 1, 1)): ["next year", "in 2025", "the coming year", "next yr"],
    ("2024", "year", dt.datetime(2024, 1, 1)): ["this year", "in 2024", "the current year"],
    ("2023", "year", dt.datetime(2023, 1, 1)): ["last year", "the previous year", "since 2023"],
    ("2017", "year", dt.datetime(2017, 1, 1)): ["(2017)", "in 2017"],
    ("199X", "year", dt.datetime(1990, 1, 1)): ["the 1990s", "in the 1990s", "the '90s"],
    ("2024-W37", "week", dt.datetime(2024, 9, 9)): ["last week", "the past week", "the previous week"],
    ("2024-09-23", "day", dt.datetime(2024, 9, 23)): ["Monday", "next Monday", "on Monday", "Monday of next week"],
    ("2024-09-16", "day", dt.datetime(2024, 9, 16)): ["last Monday", "Monday of this week"],
    ("2024-Q3", "quarter", dt.datetime(2024, 7, 1)): ["the third quarter", "Q3 2024", "this quarter", "3rd qtr"],
    ("2024-H2", "half", dt.datetime(2024, 7, 1)): ["the second half of the year", "H2 2024", "second half of 2024"],
    ("2024-09-17T12:00", "hour", dt.datetime(2024, 9, 17, 12)): ["at noon on September 17", "12pm on Sept. 17"],
    ("2024-09-17T19:30", "minute", dt.datetime(2024, 9, 17, 19, 30)): [
        "7:30 PM on Tue, Sep 17", "at 19:30 on September 17", "19h30 on September 17"],
}

INTERVALS = {
    "at the beginning of the year": (dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
    "earlier this year": (dt.datetime(2024, 1, 1), dt.datetime(2024, 9, 18)),
    "late March": (dt.datetime(2024, 3, 21), dt.datetime(2024, 4, 1)),
    "the past 3 days": (dt.datetime(2024, 9, 15), dt.datetime(2024, 9, 18)),
    "September 9-13": (dt.datetime(2024, 9, 9), dt.datetime(2024, 9, 14)),
    "from 2010 to 2015": (dt.datetime(2010, 1, 1), dt.datetime(2016, 1, 1)),
}

DURATIONS = {"five consecutive weeks": "P5W", "5 years": "P5Y", "four weeks": "P4W", "24 hours": "PT24H"}

NEGATIVES = [
    "He may be right about the Sun.",
    "They sat down and talked.",
    "The company hired 1500 workers.",
    "Prices rose 2.5% to $1,200.",
    "The march was peaceful.",
    "Minh Thu and Tue spoke to the press.",
    "Room 17.9 holds 96 people.",
]


def _cases():
    for (value, grain, start), forms in CORPUS.items():
        for form in forms:
            yield pytest.param(form, value, grain, start, id=form)


def _whole(text: str):
    """Expressions covering the whole phrase (brackets and final dot aside)."""
    core = text.strip("(). ")
    a = text.index(core)
    return [m for m in find(text, "en", REF) if m.start <= a and m.end >= a + len(core)]


@pytest.mark.parametrize("text,value,grain,start", list(_cases()))
def test_surface_forms(text, value, grain, start):
    whole = _whole(text)
    assert whole, f"{text!r}: {find(text, 'en', REF)}"
    m = whole[0]
    assert (m.value, m.grain, m.start_time) == (value, grain, start)


@pytest.mark.parametrize("text", sorted(INTERVALS))
def test_intervals(text):
    whole = _whole(text)
    assert whole, f"{text!r}: {find(text, 'en', REF)}"
    assert (whole[0].start_time, whole[0].end_time) == INTERVALS[text]


@pytest.mark.parametrize("text", sorted(DURATIONS))
def test_durations(text):
    found = find(text, "en", REF)
    assert [(m.type, m.value, m.start_time) for m in found] == [("duration", DURATIONS[text], None)]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(text):
    assert [m for m in find(text, "en", REF) if m.type in ("date", "time")] == []


def test_past_cue_turns_a_weekday_back():
    found = find("The minister said on Monday that talks would resume.", "en", REF)
    assert [(m.text, m.value) for m in found] == [("on Monday", "2024-09-16")]


def test_a_name_ending_in_an_is_not_an_hour_and_full_stops_stay_outside():
    import datetime as _dt

    from pipeline.dates import find as _find
    ref = _dt.datetime(2024, 9, 18)
    assert _find("By Minh Anh |", "en", ref) == []
    (m,) = _find("The company said on Wednesday.", "en", ref)
    assert m.text == "on Wednesday" and m.value == "2024-09-11"
