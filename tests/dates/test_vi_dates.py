"""Vietnamese grammar: one expected value, many surface forms; and what must not be a date.

Reference: Wednesday 2024-09-18 00:00 (the shared samples' publication date).
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import find

REF = dt.datetime(2024, 9, 18)

# expected (value, grain, start_time) -> surface forms, each the whole phrase
CORPUS = {
    ("2024-09-17", "day", dt.datetime(2024, 9, 17)): [
        "ngày 17.9", "ngày 17/9", "17/9/2024", "ngày 17 tháng 9 năm 2024", "ngày 17-9-2024",
        "17 tháng 9", "hôm qua", "ngày hôm qua", "ngay 17/9", "ngày 17 tháng chín",
        "Tết Trung thu", "trung thu", "ngày mười bảy tháng 9",
    ],
    ("2024-09-17T12:00", "hour", dt.datetime(2024, 9, 17, 12)): [
        "12h trưa 17.9", "12 giờ trưa ngày 17/9", "lúc 12h trưa ngày 17.9", "vào khoảng 12h trưa 17.9",
        "12h trua 17.9",
    ],
    ("2025-05", "month", dt.datetime(2025, 5, 1)): [
        "tháng 5 tới", "tháng năm tới", "tháng 5/2025", "tháng 5 năm 2025", "tháng 5 năm tới",
        "thang 5 toi", "tháng 5 năm sau",
    ],
    ("2024-05", "month", dt.datetime(2024, 5, 1)): [
        "tháng 5", "tháng 5/2024", "tháng 5 năm nay", "tháng năm năm 2024", "tháng 5 vừa qua",
    ],
    ("2023", "year", dt.datetime(2023, 1, 1)): [
        "năm qua", "năm ngoái", "năm trước", "năm 2023", "nam ngoai", "năm vừa qua",
    ],
    ("2024", "year", dt.datetime(2024, 1, 1)): ["năm nay", "năm 2024", "nam nay"],
    ("2025", "year", dt.datetime(2025, 1, 1)): ["năm tới", "năm sau", "năm 2025", "năm kế tiếp"],
    ("2024-H2", "half", dt.datetime(2024, 7, 1)): [
        "nửa cuối năm nay", "nửa sau năm 2024", "6 tháng cuối năm", "6 tháng cuối năm 2024",
        "nửa cuối năm", "nua cuoi nam nay",
    ],
    ("2024-Q3", "quarter", dt.datetime(2024, 7, 1)): [
        "quý 3", "quý III", "quý 3/2024", "quý III/2024", "quý 3 năm 2024", "quý ba năm nay",
        "quý này",
    ],
    ("2024-W37", "week", dt.datetime(2024, 9, 9)): ["tuần trước", "tuần qua", "tuần vừa qua"],
    ("2024-09-16", "day", dt.datetime(2024, 9, 16)): [
        "hôm thứ Hai", "thứ Hai tuần này", "thứ 2 tuần này", "thứ hai vừa qua", "thứ Hai (16/9)",
        "thứ Hai, ngày 16/9",
    ],
    ("2024-09-23", "day", dt.datetime(2024, 9, 23)): ["thứ Hai tới", "thứ hai tuần sau", "thứ 2 tuần tới"],
    ("2024-02-10", "day", dt.datetime(2024, 2, 10)): ["Tết Nguyên đán", "Tết âm lịch", "Tết Nguyên đán 2024"],
    ("199X", "year", dt.datetime(1990, 1, 1)): ["những năm 1990", "thập niên 90", "thập niên 1990"],
    ("2003", "year", dt.datetime(2003, 1, 1)): ["năm 2003", "nam 2003"],
}

# phrase -> (start_time, end_time) of the interval
INTERVALS = {
    "đầu năm": (dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
    "hồi đầu năm": (dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
    "hoi dau nam": (dt.datetime(2024, 1, 1), dt.datetime(2024, 4, 1)),
    "cuối tháng": (dt.datetime(2024, 9, 21), dt.datetime(2024, 10, 1)),
    "cuối năm 2023": (dt.datetime(2023, 9, 1), dt.datetime(2024, 1, 1)),
    "2 tháng qua": (dt.datetime(2024, 7, 1), dt.datetime(2024, 9, 1)),
    "3 ngày vừa qua": (dt.datetime(2024, 9, 15), dt.datetime(2024, 9, 18)),
    "tối qua": (dt.datetime(2024, 9, 17, 18), dt.datetime(2024, 9, 18)),
    "sáng 17.9": (dt.datetime(2024, 9, 17, 4), dt.datetime(2024, 9, 17, 12)),
    "từ ngày 10 đến ngày 15/9": (dt.datetime(2024, 9, 10), dt.datetime(2024, 9, 16)),
    "từ năm 2003 đến năm 2005": (dt.datetime(2003, 1, 1), dt.datetime(2006, 1, 1)),
}

DURATIONS = {"8 tháng": "P8M", "5 năm": "P5Y", "17 phút": "PT17M", "hai tuần": "P2W", "3 ngày": "P3D"}

# Sentences in which nothing is a date or time
NEGATIVES = [
    "Cụ bà hưởng thọ 96 tuổi.",
    "Sê-ri phim có tổng cộng 5 tập, bộ phim 24 tập.",
    "Đội tuyển đạt 17.9 điểm trong lượt thi.",
    "Tổng vốn đầu tư là 2,5 tỷ won (1,9 triệu USD).",
    "Anh nhận được sự quan tâm lớn, thu hút nhiều khán giả.",
    "Từ Nhật đến Pháp, phim được quay ở nhiều nơi.",
    "Cháy nhà trong ngõ 58 Trần Bình.",
    "Anh đứng thứ 2 trong top 10 phim hay.",
    "Đây là lần thứ hai chị Mai đến Hà Nội.",
    "Ông nằm viện, hồ sơ gồm 1/3 số trang.",
    "Giá xăng tăng 3,5% so với mức 20.000 đồng.",
]


def _cases():
    for (value, grain, start), forms in CORPUS.items():
        for form in forms:
            yield pytest.param(form, value, grain, start, id=form)


def _whole(text: str):
    found = find(text, "vi", REF)
    return [m for m in found if m.start == 0 and m.end >= len(text.rstrip(". "))]


@pytest.mark.parametrize("text,value,grain,start", list(_cases()))
def test_surface_forms(text, value, grain, start):
    whole = _whole(text)
    assert whole, f"{text!r}: {find(text, 'vi', REF)}"
    m = whole[0]
    assert (m.value, m.grain, m.start_time) == (value, grain, start)
    assert m.type in ("date", "time")


@pytest.mark.parametrize("text", sorted(INTERVALS))
def test_intervals(text):
    whole = _whole(text)
    assert whole, f"{text!r}: {find(text, 'vi', REF)}"
    assert (whole[0].start_time, whole[0].end_time) == INTERVALS[text]


@pytest.mark.parametrize("text", sorted(DURATIONS))
def test_durations_are_not_points_in_time(text):
    found = find(text, "vi", REF)
    assert [(m.type, m.value, m.start_time, m.end_time) for m in found] == [
        ("duration", DURATIONS[text], None, None)]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(text):
    assert [m for m in find(text, "vi", REF) if m.type in ("date", "time")] == []


def test_spans_point_into_the_text():
    text = "Đám cháy xảy ra vào khoảng 12h trưa 17.9, tại một nhà dân; năm 2003 và tháng 5 tới."
    found = find(text, "vi", REF)
    assert [text[m.start:m.end] for m in found] == ["vào khoảng 12h trưa 17.9", "năm 2003", "tháng 5 tới"]
    assert all(m.text == text[m.start:m.end] for m in found)


def test_accented_text_does_not_read_folded_words():
    # "nằm" is not "năm"; in accented text "thu 2" is not "thứ 2"
    assert [m for m in find("Ông nằm 2003 ở viện", "vi", REF) if m.type in ("date", "time")] == []
    assert find("sự thu 2,5 tỷ", "vi", REF) == []
