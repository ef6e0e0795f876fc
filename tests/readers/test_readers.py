"""Reading every input format, and turning every kind of bad input into an error row."""
import codecs
import gzip
import json

import pytest

from pipeline import readers


def read_all(root):
    return [d for f in readers.discover([root]) for d in readers.read(f)]


def test_txt_in_every_encoding(tmp_path):
    text = "Hàn Quốc và Nhật Bản.\n"
    (tmp_path / "plain.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "utf16le.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "utf16be.txt").write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    docs = {d.doc_id: d for d in read_all(tmp_path)}
    assert set(docs) == {"plain", "bom", "utf16le", "utf16be"}
    for d in docs.values():
        assert d.status == "ok" and d.text == text


def test_jsonl_fields_ids_and_gzip(tmp_path):
    lines = [
        {"id": "a1", "title": "T", "url": "http://x", "published": "2024-09-18T08:30:00+07:00", "lang": "VI", "text": "Xin chào."},
        {"content": "Second article."},
        {"body": "Third article.", "published": "2024-09-18"},
    ]
    payload = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\n"
    (tmp_path / "feed.jsonl").write_text(payload, encoding="utf-8")
    with gzip.open(tmp_path / "feed2.ndjson.gz", "wt", encoding="utf-8") as fh:
        fh.write(payload)
    docs = read_all(tmp_path)
    assert [d.doc_id for d in docs] == ["a1", "feed:2", "feed:3", "a1", "feed2:2", "feed2:3"]
    a1 = docs[0]
    assert (a1.title, a1.url, a1.lang_hint, a1.published.isoformat()) == ("T", "http://x", "vi", "2024-09-18T08:30:00")
    assert docs[1].text == "Second article." and docs[2].published.isoformat() == "2024-09-18T00:00:00"
    assert docs[4].source == "feed2.ndjson.gz:2"


@pytest.mark.parametrize("name, data, message", [
    ("latin1.txt", "Hà Nội".encode("latin-1", errors="replace") + b"\xe0\xff", "not valid UTF-8 at byte"),
    ("empty.txt", b"  \n\t\n", "empty article"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ("broken.jsonl.gz", b"not gzip at all", "cannot read file"),
])
def test_bad_files_become_error_documents(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (doc,) = read_all(tmp_path)
    assert doc.status == "error"
    assert message in doc.error and name in doc.error


def test_bad_jsonl_lines_are_reported_with_their_line_and_the_rest_is_read(tmp_path):
    good = json.dumps({"id": "ok", "text": "Fine."})
    lines = [good, "{not json", json.dumps(["a list"]), json.dumps({"title": "no text"}),
             json.dumps({"text": "   "}), json.dumps({"text": 5}), json.dumps({"text": "x", "published": "yesterday"}),
             json.dumps({"id": "ok2", "text": "Also fine."})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = read_all(tmp_path)
    assert [(d.doc_id, d.status) for d in docs] == [
        ("ok", "ok"), ("mixed:2", "error"), ("mixed:3", "error"), ("mixed:4", "error"), ("mixed:5", "error"),
        ("mixed:6", "error"), ("mixed:7", "error"), ("ok2", "ok")]
    errors = [d.error for d in docs if d.status == "error"]
    assert "mixed.jsonl:2: malformed JSON line" in errors[0]
    assert "mixed.jsonl:3: expected a JSON object" in errors[1]
    assert "mixed.jsonl:4: no article text" in errors[2]
    assert "mixed.jsonl:5: empty article" in errors[3]
    assert "mixed.jsonl:6: article text must be a string" in errors[4]
    assert "mixed.jsonl:7: 'published' is not an ISO 8601" in errors[5]


def test_undecodable_jsonl_line_is_one_error(tmp_path):
    data = json.dumps({"text": "a"}).encode() + b"\n" + b'{"text": "\xff\xfe"}\n' + json.dumps({"text": "b"}).encode()
    (tmp_path / "enc.jsonl").write_bytes(data)
    docs = read_all(tmp_path)
    assert [d.status for d in docs] == ["ok", "error", "ok"]
    assert "enc.jsonl:2: not valid UTF-8" in docs[1].error


def test_hidden_files_are_skipped_and_missing_paths_refused(tmp_path):
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden")
    (tmp_path / "a.txt").write_text("Visible.")
    assert [d.doc_id for d in read_all(tmp_path)] == ["a"]
    with pytest.raises(FileNotFoundError):
        list(readers.discover([tmp_path / "nope"]))


def test_empty_jsonl_file_is_reported(tmp_path):
    (tmp_path / "none.jsonl").write_text("\n\n", encoding="utf-8")
    (doc,) = read_all(tmp_path)
    assert doc.status == "error" and "none.jsonl: no articles" in doc.error
