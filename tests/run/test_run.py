"""End to end: a raw folder in every input form to parquet tables in a temporary directory."""
import codecs
import gzip
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.tables import TABLES

REPO = Path(__file__).resolve().parents[2]
GOOD = {
    "vi_plain.txt": "Ngày 15/3/2024, Vietjet công bố đường bay tới Seoul, Hàn Quốc.Tổng giám đốc Đinh Việt Phương cho biết vậy.\n",
    "en.txt": "Kentaro Sakaguchi stars in a film out on September 27.\n\nThe budget was $1.9 million.\n",
}


def make_dump(root: Path, with_bad: bool = True) -> dict[str, str]:
    """Write a dump; return doc_id -> original text of the good articles."""
    originals = {}
    for name, text in GOOD.items():
        (root / name).write_text(text, encoding="utf-8")
        originals[Path(name).stem] = text
    seg = "Cô Park_Kyung_Lee , nhà sản_xuất phim , phát_biểu tại Hàn_Quốc .\n"
    (root / "sub").mkdir()
    (root / "sub" / "seg16.txt").write_bytes(seg.encode("utf-16"))
    originals["seg16"] = seg
    bom = "Su ket hop cua dien vien Han Quoc - Nhat Ban trong phim tung gay sot.\n"
    (root / "bom.txt").write_bytes(codecs.BOM_UTF8 + bom.encode("utf-8"))
    originals["bom"] = bom
    records = [{"id": "j1", "text": "Giá vàng tăng 500.000 đồng hôm qua.", "published": "2024-09-17"},
               {"content": "Samsung will invest $1.8 billion next year.", "lang": "en"}]
    (root / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    originals.update({"j1": records[0]["text"], "feed:2": records[1]["content"]})
    with gzip.open(root / "more.ndjson.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "body": "Tháng 5 tới, phim sẽ chiếu ở Mỹ."}, ensure_ascii=False) + "\n")
    originals["g1"] = "Tháng 5 tới, phim sẽ chiếu ở Mỹ."
    if with_bad:
        (root / "bad.txt").write_bytes(b"caf\xe9 \xff")
        (root / "blank.txt").write_text("   \n")
        (root / "image.txt").write_bytes(b"\x00\x01\x02binary")
        (root / "notes.docx").write_bytes(b"PK\x03\x04")
        with (root / "feed.jsonl").open("a", encoding="utf-8") as fh:
            fh.write("\n{broken json\n" + json.dumps({"id": "j3", "text": "Cuối cùng vẫn đọc được."}, ensure_ascii=False) + "\n")
        originals["j3"] = "Cuối cùng vẫn đọc được."
    return originals


@pytest.fixture(scope="module")
def run_once(tmp_path_factory):
    root = tmp_path_factory.mktemp("raw")
    out = tmp_path_factory.mktemp("out")
    originals = make_dump(root)
    result = CliRunner().invoke(main, ["run", str(root), "--output", str(out), "--reference-date", "2024-09-18"])
    return root, out, originals, result


def read(out, table):
    return pd.read_parquet(out / table)


def test_exit_status_and_summary_report_the_failures(run_once):
    _, _, _, result = run_once
    assert result.exit_code == 1, result.output
    assert "documents: 8 ok, 5 failed" in result.output
    assert "money" in result.output and "rows" in result.output


def test_good_articles_all_present_and_bad_ones_explained(run_once):
    _, out, originals, _ = run_once
    docs = read(out, "documents").set_index("doc_id")
    ok = docs[docs.status == "ok"]
    assert set(ok.index) == set(originals)
    errors = docs[docs.status == "error"]["error"].to_dict()
    assert "bad.txt: not valid UTF-8 at byte 3" in errors["bad"]
    assert "blank.txt: empty article" in errors["blank"]
    assert "image.txt: binary file" in errors["image"]
    assert "unsupported file type '.docx'" in errors["notes"]
    assert "feed.jsonl:3: malformed JSON line" in errors["feed:3"]
    assert docs.loc["seg16", "source"] == "sub/seg16.txt"
    assert docs.loc["j1", "published"] == pd.Timestamp("2024-09-17")


def test_every_table_has_its_contract_columns(run_once):
    _, out, _, _ = run_once
    for name, table in TABLES.items():
        df = read(out, name)
        assert list(df.columns) == table.schema.names, name


def test_offsets_point_into_the_original_text(run_once):
    _, out, originals, _ = run_once
    for table in ("segments", "tokens", "entities", "money", "dates"):
        df = read(out, table)
        assert len(df), table
        for row in df.itertuples():
            assert originals[row.doc_id][row.start:row.end] == row.text, (table, row)


def test_forms_and_languages(run_once):
    _, out, _, _ = run_once
    seg = read(out, "segments")
    got = {(r.doc_id, r.lang, r.form) for r in seg.itertuples()}
    assert ("seg16", "vi", "segmented") in got
    assert ("bom", "vi", "no_diacritics") in got
    assert ("en", "en", "plain") in got and ("feed:2", "en", "plain") in got
    assert seg[seg.doc_id == "seg16"].text_norm.tolist() == [
        "Cô Park Kyung Lee, nhà sản xuất phim, phát biểu tại Hàn Quốc."]


def test_rerun_replaces_instead_of_duplicating(run_once, tmp_path):
    root, out, _, _ = run_once
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = {t: len(read(copy, t)) for t in TABLES}
    result = CliRunner().invoke(main, ["run", str(root), "--output", str(copy), "--reference-date", "2024-09-18"])
    assert result.exit_code == 1
    after = {t: len(read(copy, t)) for t in TABLES}
    assert after == before
    docs = read(copy, "documents")
    assert not docs.doc_id.duplicated().any()
    # A changed article replaces its old rows.
    (root / "en.txt").write_text("A short note from Hanoi.\n", encoding="utf-8")
    CliRunner().invoke(main, ["run", str(root / "en.txt"), "--output", str(copy)])
    docs = read(copy, "documents")
    assert docs[docs.doc_id == "en"].n_chars.tolist() == [len("A short note from Hanoi.\n")]
    assert len(docs) == before["documents"]


def test_clean_dump_exits_zero_and_skip_leaves_out_tables(tmp_path):
    root = tmp_path / "raw"
    root.mkdir()
    make_dump(root, with_bad=False)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(root), "-o", str(out), "--skip", "entities", "--skip", "tokens"])
    assert result.exit_code == 0, result.output
    assert not (out / "entities").exists() and not (out / "tokens").exists()
    assert len(read(out, "segments"))


def test_project_raw_dump_runs_clean(tmp_path):
    result = CliRunner().invoke(main, ["run", str(REPO / "raw"), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    forms = set(read(tmp_path, "segments").form)
    assert forms == {"plain", "segmented", "no_diacritics"}


def test_help_explains_every_option():
    result = CliRunner().invoke(main, ["run", "--help"])
    for option in ("--output", "--reference-date", "--skip", "--progress"):
        assert option in result.output
    assert CliRunner().invoke(main, ["--help"]).exit_code == 0


def test_two_workers_write_the_same_tables_as_one(tmp_path):
    root = tmp_path / "raw"
    root.mkdir()
    make_dump(root)
    outs = {}
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}"
        result = CliRunner().invoke(main, ["run", str(root), "-o", str(out), "-w", workers,
                                           "--reference-date", "2024-09-18"])
        assert result.exit_code == 1, result.output
        outs[workers] = out
    for name in TABLES:
        one, two = read(outs["1"], name), read(outs["2"], name)
        keys = list(one.columns[:3])
        pd.testing.assert_frame_equal(one.sort_values(keys).reset_index(drop=True),
                                      two.sort_values(keys).reset_index(drop=True))
