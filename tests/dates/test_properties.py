"""find() on arbitrary text: never raises, spans are slices of the input, intervals are ordered."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import find

WORDS = ["năm", "tháng", "ngày", "tới", "qua", "nay", "thứ", "hai", "giờ", "sáng", "12h", "17.9",
         "2024", "5", "/", "-", ",", "(", ")", "đầu", "cuối", "nửa", "quý", "III", "Tết", "in", "March",
         "next", "year", "the", "of", "on", "Monday", "at", "7:30", "pm", "ago", "from", "to", "1990s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.sampled_from(["vi", "en"]),
       st.sampled_from([None, dt.datetime(2024, 9, 18), dt.datetime(2017, 2, 2, 3, 55)]))
def test_find_is_total_and_spans_are_slices(words, lang, ref):
    text = " ".join(words)
    for m in find(text, lang, ref):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.type in ("date", "time", "duration", "set")
        if m.start_time is not None and m.end_time is not None:
            assert m.start_time < m.end_time or m.value and "/" in m.value
        if ref is None:
            assert m.start_time is None or not m.relative


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_find_never_raises_on_any_text(text):
    for lang in ("vi", "en"):
        find(text, lang, dt.datetime(2024, 9, 18))
