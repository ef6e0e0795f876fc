"""MoneyStage over hand-built documents, and over the three shared samples."""
import re

import pytest

from pipeline.document import Document, Segment
from pipeline.money import MoneyStage
from pipeline.offsets import OffsetMap, OffsetMapBuilder

_VI_LETTERS = re.compile(r"[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)


def _norm_segment(doc_text: str, start: int, end: int, seg_id: int, lang: str) -> Segment:
    """Underscores -> spaces, spaces before ``,`` dropped: text_norm differs from the original."""
    b = OffsetMapBuilder()
    i = start
    while i < end:
        ch = doc_text[i]
        if ch == " " and i + 1 < end and doc_text[i + 1] == ",":
            i += 1  # deleted
            continue
        b.add(" " if ch == "_" else ch, i, i + 1)
        i += 1
    norm, omap = b.build(end)
    return Segment(seg_id, start, end, doc_text[start:end], lang=lang, text_norm=norm, offsets=omap)


def test_stage_identity_offsets():
    text = "Phim có 5 tập. Kinh phí 2,5 tỷ won (1,9 triệu USD)."
    doc = Document("d1", "x.txt", text)
    s1, s2 = (0, 14), (15, len(text))
    for k, (a, b) in enumerate((s1, s2)):
        doc.segments.append(Segment(k, a, b, text[a:b], lang="vi", text_norm=text[a:b], offsets=OffsetMap.identity(a, b)))
    stage = MoneyStage()
    assert (stage.name, stage.requires, stage.provides) == ("money", ("text_norm",), ("money",))
    out = stage(doc)
    assert [m.mention_id for m in out.money] == ["money:1", "money:2"]
    won, usd = out.money
    assert (won.text, won.amount, won.currency, won.equivalent_of, won.lang) == ("2,5 tỷ won", 2.5e9, "KRW", None, "vi")
    assert (usd.text, usd.amount, usd.currency, usd.equivalent_of) == ("1,9 triệu USD", 1.9e6, "USD", "money:1")
    assert text[usd.start:usd.end] == "1,9 triệu USD"


def test_stage_maps_normalized_spans_to_original():
    text = "Tin_tức : chi_phí lên đến 8_tỷ won , tính ra trên 300 triệu won / tập ."
    doc = Document("d2", "y.txt", text)
    doc.segments.append(_norm_segment(text, 0, len(text), 0, "vi"))
    assert "8 tỷ won," in doc.segments[0].text_norm  # the map really differs from identity
    MoneyStage()(doc)
    assert [(m.text, m.amount, m.qualifier, m.per) for m in doc.money] == [
        ("8_tỷ won", 8e9, "exact", None),
        ("trên 300 triệu won / tập", 3e8, "over", "tập"),
    ]
    for m in doc.money:
        assert doc.text[m.start:m.end] == m.text


def _sample_doc(path) -> Document:
    text = path.read_text(encoding="utf-8")
    doc = Document(path.stem, path.name, text)
    pos = 0
    for k, line in enumerate(text.split("\n")):
        a, b = pos, pos + len(line)
        pos = b + 1
        if not line.strip():
            continue
        lang = "vi" if _VI_LETTERS.search(line) else "en"
        doc.segments.append(_norm_segment(text, a, b, k, lang))
    return doc


EXPECTED = {
    "000": {
        ("2,5 tỷ won", 2.5e9, "KRW", "exact", None, None),
        ("1,9 triệu USD", 1.9e6, "USD", "exact", None, "2,5 tỷ won"),
    },
    "001": {
        ("hơn 3,21 tỉ đồng", 3.21e9, "VND", "over", None, None),
    },
    "002": {
        ("8 tỷ won", 8e9, "KRW", "exact", None, None),
        ("trên 300 triệu won / tập", 3e8, "KRW", "over", "tập", None),
        ("7 tỷ won", 7e9, "KRW", "exact", None, None),
        ("4 tỷ won", 4e9, "KRW", "exact", None, None),
        ("ít_nhất 100 triệu won / tập", 1e8, "KRW", "at_least", "tập", None),
    },
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_samples_exact_money(samples_dir, prefix):
    (path,) = sorted(samples_dir.glob(f"{prefix}_*.txt"))
    doc = MoneyStage()(_sample_doc(path))
    by_id = {m.mention_id: m for m in doc.money}
    got = {
        (m.text, m.amount, m.currency, m.qualifier, m.per, by_id[m.equivalent_of].text if m.equivalent_of else None)
        for m in doc.money
    }
    assert got == EXPECTED[prefix]
    assert len(doc.money) == len(EXPECTED[prefix])
    for m in doc.money:
        assert doc.text[m.start:m.end] == m.text
        assert m.amount_max is None
