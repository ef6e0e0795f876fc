"""Segment language and form on the shared samples, segment by segment."""
import pytest

from pipeline.document import Document
from pipeline.language import LanguageStage, detect, is_possible_stripped_syllable
from pipeline.segments import SegmentsStage

# Every segment of sample 001 (English article with Vietnamese teasers and stripped captions).
SAMPLE_001 = [
    ("Korean movies love to tell c", "en", "plain"), ("An Nhiên |", "vi", "plain"),
    ("Korean movies with cross-bor", "en", "plain"), ("Recently, many Korean produc", "en", "plain"),
    ("For example, at the beginnin", "en", "plain"), ("They are Yoon Tae Oh (Chae J", "en", "plain"),
    ('Not only has "Eye Love You" ', "en", "plain"), ("Su ket hop cua dien vien Han", "vi", "no_diacritics"),
    ("Anh: Nha san xuat", "vi", "no_diacritics"), ("The combination of Korean an", "en", "plain"),
    ("Photo: Producer", "en", "plain"), ("On September 27, the healing", "en", "plain"),
    ("Based on the famous novel of", "en", "plain"), ("The film marks the debut on ", "en", "plain"),
    ("Meanwhile, Han Hyo Joo's fil", "en", "plain"), ("The film depicts the love st", "en", "plain"),
    ("The film is directed by Japa", "en", "plain"), ("According to the Korea Heral", "en", "plain"),
    ("Huong di khai thac cau chuye", "vi", "no_diacritics"), ("Anh: Nha san xuat", "vi", "no_diacritics"),
    ("The direction of exploiting ", "en", "plain"), ("Photo: Producer", "en", "plain"),
    ('"By collaborating on a globa', "en", "plain"), ("Japanese production companie", "en", "plain"),
    ("Meanwhile, securing manufact", "en", "plain"), ("However, according to Sakagu", "en", "plain"),
    ('"I believe that we should no', "en", "plain"), ("Starting with the trend of J", "en", "plain"),
    ("An Nhiên", "vi", "plain"), ("Điều thú vị trong phim chữa ", "vi", "plain"),
    ("An Nhiên |", "vi", "plain"), ("“What Comes After Love” (Lee", "vi", "plain"),
    ("Phim Hàn chiếu rạp dịp lễ mấ", "vi", "plain"), ("An Nhiên |", "vi", "plain"),
    ("Tại Hàn Quốc, cùng với Tết N", "vi", "plain"), ("Tuy nhiên, năm nay chỉ có du", "vi", "plain"),
    ("Phim Hàn có Kim Jaejoong, Ch", "vi", "plain"), ("An Nhiên |", "vi", "plain"),
    ("Không lên sóng cùng thời điể", "vi", "plain"), ("Phu nhân Đại tướng Võ Nguyên", "vi", "plain"),
    ("Cụ bà Đặng Bích Hà - phu nhâ", "vi", "plain"), ("Cháy nhà trong ngõ nhỏ tại C", "vi", "plain"),
    ("Đám cháy xảy ra vào khoảng 1", "vi", "plain"), ("Dấu hiệu tội phạm trong vụ t", "vi", "plain"),
    ("Lam Duy |", "vi", "plain"), ("Cơ quan thanh tra phát hiện ", "vi", "plain"),
    ("Kiên quyết giải phóng mặt bằ", "vi", "plain"), ("UBND huyện Lệ Thủy (tỉnh Quả", "vi", "plain"),
    ("Giám định nguyên nhân, phân ", "vi", "plain"), ("Tô Công |", "vi", "plain"),
    ("Phú Thọ - Bộ Xây dựng vừa có", "vi", "plain"),
]


def annotate(text, lang_hint=None):
    doc = Document(doc_id="t", source="t", text=text, lang_hint=lang_hint)
    return LanguageStage()(SegmentsStage()(doc))


def sample(samples_dir, prefix):
    (path,) = samples_dir.glob(prefix + "_*.txt")
    return path.read_text(encoding="utf-8")


def test_sample_001_segment_by_segment(samples_dir):
    doc = annotate(sample(samples_dir, "001"))
    got = [(s.text[:28], s.lang, s.form) for s in doc.segments]
    assert got == SAMPLE_001
    assert doc.lang == "en"


def test_sample_000_is_plain_vietnamese(samples_dir):
    doc = annotate(sample(samples_dir, "000"))
    assert len(doc.segments) == 13
    assert {(s.lang, s.form) for s in doc.segments} == {("vi", "plain")}


def test_sample_002_is_segmented_vietnamese_throughout(samples_dir):
    doc = annotate(sample(samples_dir, "002"))
    assert len(doc.segments) == 21
    # Including `Có những người ... vẫn ... \nchưa chán .`, which has no underscore of its own.
    assert {(s.lang, s.form) for s in doc.segments} == {("vi", "segmented")}


@pytest.mark.parametrize("text, expected", [
    ("Thủ tướng phát biểu tại hội nghị ở Hà Nội.", ("vi", "plain")),
    ("Thủ_tướng phát_biểu tại hội_nghị ở Hà_Nội .", ("vi", "segmented")),
    ("Thu tuong phat bieu tai hoi nghi o Ha Noi cung cac bo truong.", ("vi", "no_diacritics")),
    ("The prime minister spoke at the conference in Hanoi.", ("en", "plain")),
    ("Der Bundeskanzler sprach heute in Berlin über die Wirtschaft.", ("other", "plain")),
    ("12345 678", (None, None)),
])
def test_detect(text, expected):
    assert detect(text) == expected


def test_lang_hint_overrides_detection():
    doc = annotate("Thu tuong phat bieu tai hoi nghi o Ha Noi. Short English line here.", lang_hint="vi")
    assert [(s.lang, s.form) for s in doc.segments] == [("vi", "no_diacritics"), ("vi", "plain")]
    assert doc.lang == "vi"


def test_short_segments_take_their_neighbours_language():
    doc = annotate("Thủ tướng phát biểu tại hội nghị ở Hà Nội hôm nay.\n2024\nÔng nói thêm về kinh tế.")
    assert [s.lang for s in doc.segments] == ["vi", "vi", "vi"]


@pytest.mark.parametrize("word, ok", [
    ("nguyen", True), ("nghieng", True), ("Quoc", True), ("khuya", True), ("a", True),
    ("combination", False), ("Japanese", False), ("Eye", False), ("Love", False), ("Jong", False),
    ("street", False), ("film", False),
])
def test_possible_stripped_syllables(word, ok):
    assert is_possible_stripped_syllable(word) is ok
