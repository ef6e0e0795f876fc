"""DatesStage on hand-built documents: rows, mention ids, spans in the original text."""
from __future__ import annotations

import datetime as dt

from pipeline.dates import DatesStage
from pipeline.document import Document, Segment
from pipeline.offsets import OffsetMap, OffsetMapBuilder


def _doc(text: str, segments: list[Segment], ref=dt.datetime(2024, 9, 18)) -> Document:
    return Document(doc_id="d1", source="x.txt", text=text, reference_date=ref, segments=segments)


def test_identity_segments():
    text = "Cụ bà qua đời ngày 17.9, hưởng thọ 96 tuổi. The film airs on September 27."
    cut = text.index("The")
    segs = [
        Segment(0, 0, cut - 1, text[:cut - 1], lang="vi", text_norm=text[:cut - 1],
                offsets=OffsetMap.identity(0, cut - 1)),
        Segment(1, cut, len(text), text[cut:], lang="en", text_norm=text[cut:],
                offsets=OffsetMap.identity(cut, len(text))),
    ]
    doc = DatesStage()(_doc(text, segs))
    rows = [(d.mention_id, d.text, d.value, d.grain, d.lang, d.type, d.relative) for d in doc.dates]
    assert rows == [
        ("dates:1", "ngày 17.9", "2024-09-17", "day", "vi", "date", True),
        ("dates:2", "on September 27", "2024-09-27", "day", "en", "date", True),
    ]
    assert all(doc.text[d.start:d.end] == d.text for d in doc.dates)
    assert doc.dates[1].start_time == dt.datetime(2024, 9, 27)
    assert doc.dates[1].end_time == dt.datetime(2024, 9, 28)
    assert "dates" in doc.done


def _normalize_segmented(original: str, start: int) -> tuple[str, OffsetMap]:
    """What the normalizer does to word-segmented input: ``_`` -> space, no space before , and ."""
    b = OffsetMapBuilder()
    i = 0
    while i < len(original):
        c = original[i]
        if c == " " and i + 1 < len(original) and original[i + 1] in ",.":
            i += 1  # deleted: no piece in the normalized text
            continue
        b.add(" " if c == "_" else c, start + i, start + i + 1)
        i += 1
    return b.build(start + len(original))


def test_spans_map_back_through_normalization():
    prefix = "Tiêu đề\n"
    body = "Trong năm_qua , bộ phim 24 tập quay từ tháng_5 năm_2003 , tới tháng 5 tới ."
    text = prefix + body
    norm, omap = _normalize_segmented(body, len(prefix))
    assert norm == "Trong năm qua, bộ phim 24 tập quay từ tháng 5 năm 2003, tới tháng 5 tới."
    seg = Segment(0, len(prefix), len(text), body, lang="vi", form="segmented", text_norm=norm, offsets=omap)
    doc = DatesStage()(_doc(text, [seg]))
    got = [(d.text, d.value) for d in doc.dates]
    assert got == [("Trong năm_qua", "2023"), ("tháng_5 năm_2003", "2003-05"), ("tháng 5 tới", "2025-05")]
    for d in doc.dates:
        assert text[d.start:d.end] == d.text


def test_without_reference_date():
    text = "Phim ra mắt ngày 27/9, quay năm 2003 và năm nay."
    seg = Segment(0, 0, len(text), text, lang="vi", text_norm=text, offsets=OffsetMap.identity(0, len(text)))
    doc = DatesStage()(_doc(text, [seg], ref=None))
    rows = [(d.text, d.value, d.start_time, d.relative) for d in doc.dates]
    assert rows == [
        ("ngày 27/9", "XXXX-09-27", None, True),
        ("năm 2003", "2003", dt.datetime(2003, 1, 1), False),
        ("năm nay", "PRESENT_REF", None, True),
    ]


def test_other_language_segments_are_left_alone():
    text = "Am 17.9 war es kalt. Ngày 17.9 trời lạnh."
    segs = [Segment(0, 0, 20, text[:20], lang="other", text_norm=text[:20], offsets=OffsetMap.identity(0, 20)),
            Segment(1, 21, len(text), text[21:], lang="vi", text_norm=text[21:],
                    offsets=OffsetMap.identity(21, len(text)))]
    doc = DatesStage()(_doc(text, segs))
    assert [(d.text, d.start) for d in doc.dates] == [("Ngày 17.9", 21)]
