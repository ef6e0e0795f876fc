"""Sentence and paragraph splitting."""
from pipeline.segments import find, split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_glued_sentences_are_split():
    assert sentences("thời gian gần đây.Một trong số đó là phim.") == [
        "thời gian gần đây.", "Một trong số đó là phim."]


def test_ordinary_sentence_ends():
    assert sentences('He left. She stayed! "Why?" he asked. Then 5 more came.') == [
        "He left.", "She stayed!", '"Why?" he asked.', "Then 5 more came."]


def test_no_split_inside_numbers_abbreviations_and_initials():
    for text in ["Ngày 17.9 có mưa.", "TP. Hồ Chí Minh rất đông.", "Mr. Kim met Dr. Lee on Sept. 27.",
                 "Ông Nguyễn H. Nam đến.", "The U.S. economy grew.", "Giá 2.5 triệu.", "TP.HCM mưa to."]:
        assert sentences(text) == [text], text


def test_ellipsis_followed_by_lower_case_continues():
    assert sentences("Có người xem 4 lần vẫn ... chưa chán .") == ["Có người xem 4 lần vẫn ... chưa chán ."]


def test_closing_quote_stays_with_its_sentence():
    assert sentences('Cô nói: "Tôi đi." Sau đó cô đi.') == ['Cô nói: "Tôi đi."', "Sau đó cô đi."]


def test_lines_paragraphs_and_hard_wraps():
    text = "Title line\n\nFirst sentence. Second one.\nA caption line\n\nvẫn ... \nchưa chán .\n"
    spans = find(text)
    got = [(text[s:e], p) for s, e, p in spans]
    assert got == [("Title line", 0), ("First sentence.", 1), ("Second one.", 1), ("A caption line", 1),
                   ("vẫn ... \nchưa chán .", 2)]


def test_spans_are_trimmed_and_point_into_text(samples_dir):
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find(text)
        assert spans, path
        for s, e, _ in spans:
            piece = text[s:e]
            assert piece == piece.strip() and piece
        # Nothing but white space is left outside the segments.
        covered = set()
        for s, e, _ in spans:
            covered.update(range(s, e))
        assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
