"""Incremental and resumable runs: unchanged articles are skipped, a killed run resumes to the same tables."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.tables import TABLES

REPO = Path(__file__).resolve().parents[2]
SORT = {"documents": ["doc_id"], "segments": ["doc_id", "seg_id"], "tokens": ["doc_id", "seg_id", "token_id"],
        "entities": ["doc_id", "mention_id"], "money": ["doc_id", "mention_id"], "dates": ["doc_id", "mention_id"],
        "entity_catalog": ["entity_id"]}


def tables(out: Path) -> dict[str, pd.DataFrame]:
    assert set(SORT) == set(TABLES)
    res = {}
    for name, keys in SORT.items():
        df = pd.read_parquet(out / name)
        if name == "entity_catalog":
            df["aliases"] = df["aliases"].map(list)
        res[name] = df.sort_values(keys).reset_index(drop=True)
    return res


def assert_same_tables(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for name in SORT:
        pd.testing.assert_frame_equal(ta[name], tb[name], obj=name)


def invoke(*args: str):
    return CliRunner().invoke(main, ["run", *args, "--workers", "1", "--no-progress"])


def make_feeds(root: Path, samples_dir: Path, n_files: int, per_file: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples_dir.glob("*.txt"))]
    for f in range(n_files):
        with (root / f"feed{f:02d}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(per_file):
                text = texts[(f + i) % len(texts)] + f"\nBài {f}-{i}.\n"
                fh.write(json.dumps({"id": f"a{f:02d}-{i:03d}", "text": text, "published": "2024-09-18"},
                                    ensure_ascii=False) + "\n")


def test_second_run_skips_unchanged_and_processes_only_new_or_changed(tmp_path, samples_dir):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    make_feeds(raw, samples_dir, n_files=2, per_file=3)
    (raw / "note.txt").write_text("Hà Nội ngày 17.9 có mưa.\n", encoding="utf-8")
    r1 = invoke(str(raw), "-o", str(out))
    assert r1.exit_code == 0, r1.output
    assert "7 ok, 0 failed (0 unchanged" in r1.output
    before = tables(out)

    r2 = invoke(str(raw), "-o", str(out))
    assert "7 ok, 0 failed (7 unchanged" in r2.output
    after = tables(out)
    for name in SORT:
        pd.testing.assert_frame_equal(before[name], after[name], obj=name)

    # One changed article, one new article, one new file: only those three are processed.
    lines = (raw / "feed00.jsonl").read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[1])
    rec["text"] = "Samsung sẽ đầu tư 2,5 tỷ won vào năm 2025."
    lines[1] = json.dumps(rec, ensure_ascii=False)
    lines.append(json.dumps({"id": "new-1", "text": "Giá xăng tăng 500 đồng."}, ensure_ascii=False))
    (raw / "feed00.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (raw / "late.txt").write_text("On September 27 Japan opens.\n", encoding="utf-8")
    r3 = invoke(str(raw), "-o", str(out))
    assert "9 ok, 0 failed (6 unchanged" in r3.output, r3.output
    docs = tables(out)["documents"]
    assert len(docs) == 9 and not docs.doc_id.duplicated().any()
    money = tables(out)["money"]
    assert money[money.doc_id == rec["id"]].currency.tolist() == ["KRW"]

    # The result equals a fresh run over the same input.
    fresh = tmp_path / "fresh"
    invoke(str(raw), "-o", str(fresh))
    assert_same_tables(out, fresh)

    # --force redoes everything.
    r4 = invoke(str(raw), "-o", str(out), "--force")
    assert "9 ok, 0 failed (0 unchanged" in r4.output


def test_a_removed_article_disappears_and_files_not_given_are_kept(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name in ("a", "b", "c"):
        (raw / f"{name}.txt").write_text(f"Bài {name} viết về Hà Nội.\n", encoding="utf-8")
    invoke(str(raw), "-o", str(out))
    invoke(str(raw / "b.txt"), "-o", str(out))  # only one file of the folder given: the others stay
    assert sorted(pd.read_parquet(out / "documents").doc_id) == ["a", "b", "c"]
    (raw / "c.txt").unlink()
    invoke(str(raw), "-o", str(out))
    assert sorted(pd.read_parquet(out / "documents").doc_id) == ["a", "b"]


def test_rows_of_the_old_per_article_layout_are_replaced_not_doubled(tmp_path):
    """An output written by 0.1 kept each .txt article in parts keyed by the article's own path
    (``<key>-<n>.parquet``); the folder unit that now owns the article removes them, also on a run
    that has nothing else to do."""
    import shutil

    from pipeline import store

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name in ("a", "b"):
        (raw / f"{name}.txt").write_text(f"Bài {name} viết về Hà Nội.\n", encoding="utf-8")
    assert invoke(str(raw), "-o", str(out)).exit_code == 0
    folder_key = store.unit_key(raw / "*.txt")
    for name in ("documents", "entities"):  # the same rows, as 0.1 left them beside the new file
        shutil.copy(out / name / f"{folder_key}.parquet", out / name / f"{store.unit_key(raw / 'a.txt')}-00000.parquet")
    assert len(pd.read_parquet(out / "documents")) == 4
    assert invoke(str(raw), "-o", str(out)).exit_code == 0
    docs = pd.read_parquet(out / "documents")
    assert sorted(docs.doc_id) == ["a", "b"]
    assert sorted(p.name for p in (out / "entities").glob("*.parquet")) == [f"{folder_key}.parquet"]


def test_unchanged_failed_articles_still_count_as_failed(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "bad.txt").write_bytes(b"\x00\x01binary")
    (raw / "good.txt").write_text("Một bài tốt.\n", encoding="utf-8")
    assert invoke(str(raw), "-o", str(out)).exit_code == 1
    r = invoke(str(raw), "-o", str(out))
    assert r.exit_code == 1 and "1 ok, 1 failed (2 unchanged" in r.output and "bad" in r.output


def _start(raw: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "run", str(raw), "-o", str(out), "--workers", "1", "--no-progress"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)})


def _wait_for_units(proc: subprocess.Popen, out: Path, n: int, timeout: float = 300) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = len(list((out / "documents").glob("*.parquet"))) if (out / "documents").is_dir() else 0
        if done >= n or proc.poll() is not None:
            return done
        time.sleep(0.02)
    raise AssertionError("the run made no progress")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_resumes_to_exactly_the_tables_of_an_uninterrupted_run(tmp_path, samples_dir, sig):
    raw = tmp_path / "raw"
    raw.mkdir()
    n_files = 8
    make_feeds(raw, samples_dir, n_files=n_files, per_file=4)
    reference = tmp_path / "reference"
    assert invoke(str(raw), "-o", str(reference)).exit_code == 0

    out = tmp_path / "out"
    proc = _start(raw, out)
    done = _wait_for_units(proc, out, 1)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert done < n_files, "the run finished before it could be interrupted"
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err, (proc.returncode, err[-2000:])
    else:
        assert proc.returncode == -signal.SIGKILL
    # What readers see now is whole: every visible file is a complete parquet file, no unit twice.
    partial = pd.read_parquet(out / "documents")
    assert not partial.doc_id.duplicated().any() and len(partial) < n_files * 4

    r = invoke(str(raw), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert_same_tables(out, reference)
    assert not (out / ".staging").exists()


def test_an_interrupt_a_library_swallows_still_stops_the_run(tmp_path, samples_dir, monkeypatch):
    """Ctrl-C while a model loads inside a bare ``except:`` (as some libraries' imports do): the run
    stops before its first unit (exit 130) instead of carrying on as if nothing happened."""
    from pipeline import engines

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    make_feeds(raw, samples_dir, n_files=2, per_file=2)
    real = engines.pipeline

    def loading_model_swallows_interrupt(skip=()):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)  # the handler runs here and raises KeyboardInterrupt...
        except BaseException:  # noqa: BLE001 - ...which this "library" swallows
            pass
        return real(skip)

    monkeypatch.setattr(engines, "pipeline", loading_model_swallows_interrupt)
    r = invoke(str(raw), "-o", str(out), "--workers", "1")
    assert r.exit_code == 130 and "interrupted" in r.output, r.output
    assert not list(out.glob("documents/*.parquet"))  # no unit was committed
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # the CLI put the handler back
