"""Reading the output: `pipeline sql`, the mentions view, `pipeline inspect`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.query import connect, mentions


@pytest.fixture(scope="module")
def out(samples_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    r = CliRunner().invoke(main, ["run", str(samples_dir), "-o", str(out), "--workers", "1", "--no-progress",
                                  "--reference-date", "2024-09-18"])
    assert r.exit_code == 0, r.output
    return out


def test_mentions_lists_all_three_kinds_keyed_like_the_tables(out):
    m = mentions(out)
    con = connect(out)
    n = {t: con.sql(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("entities", "money", "dates")}
    assert m.kind.value_counts().to_dict() == {"entity": n["entities"], "money": n["money"], "date": n["dates"]}
    assert not m.duplicated(["doc_id", "mention_id"]).any()
    won = m[(m.kind == "money") & (m.text.str.contains("2,5 tỷ won"))]
    assert won.value.tolist() == ["2500000000.0 KRW"]


def test_sql_command_runs_queries_over_the_tables(out):
    r = CliRunner().invoke(main, ["sql", "-o", str(out), "--format", "json",
                                  "SELECT name FROM entity_catalog WHERE key = 'place:KR'"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == [{"name": "Hàn Quốc"}]
    bad = CliRunner().invoke(main, ["sql", "-o", str(out), "SELECT nope FROM entities"])
    assert bad.exit_code != 0 and "query failed" in bad.output


def test_sql_on_a_missing_output_says_what_to_do(tmp_path):
    r = CliRunner().invoke(main, ["sql", "-o", str(tmp_path / "none"), "SELECT 1"])
    assert r.exit_code != 0 and "pipeline run" in r.output


def test_inspect_summarizes_documents_entities_money_dates(out):
    r = CliRunner().invoke(main, ["inspect", str(out)])
    assert r.exit_code == 0, r.output
    text = r.output
    assert "Documents by language and status" in text and "vi     ok" in text
    assert "Hàn Quốc" in text and "Korea" in text  # top LOC with its aliases
    assert "KRW" in text and "VND" in text and "conversions" in text  # 1,9 triệu USD converts 2,5 tỷ won
    assert "2024" in text
