"""Every engine writes the same tables: local processes and a local Dask cluster against one process."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .test_incremental import SORT, assert_same_tables


@pytest.fixture(scope="module")
def serial(samples_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial")
    r = CliRunner().invoke(main, ["run", str(samples_dir), "-o", str(out), "--workers", "1", "--no-progress"])
    assert r.exit_code == 0, r.output
    return out


def test_local_dask_cluster_writes_the_same_tables_row_for_row(samples_dir, serial, tmp_path):
    out = tmp_path / "dask"
    r = CliRunner().invoke(main, ["run", str(samples_dir), "-o", str(out), "--engine", "dask", "--workers", "2",
                                  "--no-progress"])
    assert r.exit_code == 0, r.output
    assert_same_tables(out, serial)
    assert len(pd.read_parquet(out / "entities")) > 50


def test_scheduler_without_dask_engine_is_a_clear_error(samples_dir, tmp_path):
    r = CliRunner().invoke(main, ["run", str(samples_dir), "-o", str(tmp_path / "o"), "--scheduler",
                                  "tcp://127.0.0.1:1", "--no-progress"])
    assert r.exit_code != 0 and "--scheduler needs --engine dask" in r.output
