"""The shared number grammar: Duckling's VI numeral corpus and our own cases."""
import json
from pathlib import Path

import pytest

from pipeline.numbers import NumberMatch, find_numbers, parse_number

_SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "duckling"


def _numerals():
    path = _SHARED / "vi_numeral.jsonl"
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.mark.parametrize("ex", _numerals(), ids=lambda ex: ex["text"])
def test_duckling_vi_numeral(ex):
    assert parse_number(ex["text"], "vi") == pytest.approx(ex["expected"]["value"])


def test_numeral_corpus_present(corpus_dir):
    assert len(_numerals()) >= 25 and (corpus_dir / "duckling" / "vi_numeral.jsonl").exists()


VI = [
    ("2,5", 2.5), ("3,21", 3.21), ("1.900.000", 1.9e6), ("1.900.000,5", 1900000.5),
    ("hai mươi mốt nghìn", 21000), ("hai muoi mot nghin", 21000), ("mười lăm", 15), ("hai mươi tư", 24),
    ("một trăm linh năm", 105), ("một nghìn lẻ năm", 1005), ("hai tỷ năm trăm triệu", 2.5e9),
    ("5 nghìn tỷ", 5e12), ("2,5 tỷ", 2.5e9), ("2,5 ty", 2.5e9), ("1 tỷ 200 triệu", 1.2e9),
    ("3 triệu rưỡi", 3.5e6), ("10k", 1e4), ("5tr", 5e6), ("ba trăm triệu", 3e8), ("2.5 tỷ", 2.5e9),
    ("1,500,000", 1.5e6),
]
EN = [
    ("1,900,000", 1.9e6), ("1.9", 1.9), ("1.9 million", 1.9e6), ("2.5bn", 2.5e9), ("1.9m", 1.9e6),
    ("twenty-one", 21), ("forty two", 42), ("one hundred and five", 105), ("a million", 1e6),
    ("two million three hundred thousand", 2.3e6), ("nineteen hundred", 1900), ("one point three", 1.3),
    ("1 point 5 billion", 1.5e9), ("7 lakh", 7e5), ("minus 3", -3), ("-3.5", -3.5),
]


@pytest.mark.parametrize("text,value", VI)
def test_vi_numbers(text, value):
    assert parse_number(text, "vi") == pytest.approx(value)


@pytest.mark.parametrize("text,value", EN)
def test_en_numbers(text, value):
    assert parse_number(text, "en") == pytest.approx(value)


@pytest.mark.parametrize(
    "text,lang",
    [("", "vi"), ("tỷ tỷ", "vi"), ("năm năm", "vi"), ("mươi", "vi"), ("17.9", "vi"), ("1,9", "en"),
     ("hai 5", "vi"), ("two one", "en"), ("a", "en"), ("won", "en"), ("5 apples", "en")],
)
def test_not_a_number(text, lang):
    assert parse_number(text, lang) is None


def test_conventions_differ_by_language():
    assert parse_number("1.500", "vi") == 1500
    assert parse_number("1.500", "en") == 1.5
    assert parse_number("1,500", "vi") == 1.5
    assert parse_number("1,500", "en") == 1500


def test_find_numbers_offsets_and_values():
    text = "Phim 5 tập, tổng vốn 2,5 tỷ won, năm 2003, hàng trăm triệu, không tới 7000."
    got = find_numbers(text, "vi")
    assert all(isinstance(n, NumberMatch) for n in got)
    assert [(n.text, n.value) for n in got] == [
        ("5", 5), ("2,5 tỷ", 2.5e9), ("năm", 5), ("2003", 2003), ("7000", 7000),
    ]
    for n in got:
        assert text[n.start:n.end] == n.text


def test_find_numbers_english():
    text = "It cost $1.9m, or 2.5 billion won, for forty-two episodes."
    got = find_numbers(text, "en")
    assert [(n.text, n.value) for n in got] == [("1.9m", 1.9e6), ("2.5 billion", 2.5e9), ("forty-two", 42)]
    assert got[1].scale == 1e9 and got[0].scale == 1e6


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        parse_number("5", "fr")
