"""Tokens: multi-syllable Vietnamese words, given segmentation kept, English by spaCy."""
from pipeline.document import Document
from pipeline.language import LanguageStage
from pipeline.normalize import NormalizeStage
from pipeline.segments import SegmentsStage
from pipeline.tokens import TokensStage, align


def tokens(text, lang_hint=None):
    doc = Document(doc_id="t", source="t", text=text, lang_hint=lang_hint)
    doc = TokensStage()(NormalizeStage()(LanguageStage()(SegmentsStage()(doc))))
    return doc, [t for s in doc.segments for t in s.tokens]


def test_segmented_tokens_match_the_underscores_exactly(samples_dir):
    (path,) = samples_dir.glob("002_*.txt")
    doc, toks = tokens(path.read_text(encoding="utf-8"))
    # One token per white-space separated word of the input, but glued words (`vàHồi`) count twice.
    expected = [w for s in doc.segments for w in s.text.split()]
    got = [t.text for t in toks]
    assert "và" in got and "Hồi" in got and "tập" in got and "Chuyện" in got
    merged = []
    for t in toks:
        if merged and doc.text[t.start - 1] not in " \n" and t.start == merged[-1][1]:
            merged[-1] = (merged[-1][0], t.end)
        else:
            merged.append((t.start, t.end))
    assert [doc.text[s:e] for s, e in merged] == expected
    by_text = {t.text: t.norm for t in toks}
    assert by_text["Hàn_Quốc"] == "Hàn Quốc"
    assert by_text["Park_Kyung_Lee"] == "Park Kyung Lee"


def test_plain_vietnamese_words_are_multi_syllable():
    _, toks = tokens("Đạo diễn Jong Yoo-seok chia sẻ rằng bộ phim này sẽ trở thành xuất phát điểm tại Hàn Quốc.")
    norms = [t.norm for t in toks]
    assert "Đạo diễn" in norms and "chia sẻ" in norms and "Hàn Quốc" in norms


def test_english_tokens_from_spacy():
    _, toks = tokens("Korean movies love to tell cross-border romance stories, don't they?")
    assert [t.text for t in toks] == ["Korean", "movies", "love", "to", "tell", "cross", "-", "border", "romance",
                                      "stories", ",", "do", "n't", "they", "?"]


def test_every_token_points_into_the_original(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        doc, toks = tokens(path.read_text(encoding="utf-8"))
        assert toks
        for t in toks:
            assert doc.text[t.start:t.end] == t.text
            assert t.text.replace("_", " ").replace("\n", " ").strip() != "" and t.norm


def test_align_tolerates_spacing_differences():
    assert align("Hàn  Quốc và Nhật", ["Hàn Quốc", "và", "Nhật"]) == [(0, 9), (10, 12), (13, 17)]
