"""End to end: `pipeline run` fills entity_id and writes entity_catalog; the samples' entities merge right."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.entity_catalog import fold, words

SAME_ARTICLE = {
    "plain.txt": "Đạo diễn Park Kyung Lee cho biết bộ phim được quay ở Hàn Quốc và Nhật Bản. "
                 "Ông Nguyễn Văn Hùng, giám đốc công ty, đã sang Mỹ vào năm ngoái.\n",
    "segmented.txt": "Đạo_diễn Park_Kyung_Lee cho_biết bộ phim được quay ở Hàn_Quốc và Nhật_Bản . "
                     "Ông Nguyễn_Văn_Hùng , giám_đốc công_ty , đã sang Mỹ vào năm_ngoái .\n",
    "stripped.txt": "Dao dien Park Kyung Lee cho biet bo phim duoc quay o Han Quoc va Nhat Ban. "
                    "Ong Nguyen Van Hung, giam doc cong ty, da sang My vao nam ngoai.\n",
    "english.txt": "Director Park Kyung Lee said the film was shot in South Korea and Japan. "
                   "He went to the United States last year.\n",
}


def _run(paths, out) -> None:
    result = CliRunner().invoke(main, ["run", *map(str, paths), "-o", str(out), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def dump(tmp_path_factory):
    root = tmp_path_factory.mktemp("dump")
    for name, text in SAME_ARTICLE.items():
        (root / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    _run([root], out)
    return root, out


def _entry(catalog: pd.DataFrame, key: str) -> pd.Series:
    rows = catalog[catalog.key == key]
    assert len(rows) == 1, (key, catalog[["key", "name"]].to_string())
    return rows.iloc[0]


def test_one_entry_per_entity_across_three_forms_and_english(dump):
    _, out = dump
    cat = pd.read_parquet(out / "entity_catalog")
    kr = _entry(cat, "place:KR")
    assert kr["name"] == "Hàn Quốc" and kr.n_docs == 4
    assert {"Hàn Quốc", "Hàn_Quốc", "Han Quoc", "South Korea"} <= set(kr.aliases)
    jp = _entry(cat, "place:JP")
    assert {"Nhật Bản", "Nhật_Bản", "Nhat Ban", "Japan"} <= set(jp.aliases) and jp.n_docs == 4
    us = _entry(cat, "place:US")
    assert {"Mỹ", "United States"} <= set(us.aliases) and us.n_docs == 4
    park = _entry(cat, "person:kyung lee park")
    assert park["name"] == "Park Kyung Lee" and park.n_docs == 4
    assert set(park.aliases) == {"Park Kyung Lee", "Park_Kyung_Lee"}
    hung = _entry(cat, "person:hùng nguyễn văn")
    assert {"Nguyễn Văn Hùng", "Nguyễn_Văn_Hùng"} <= set(hung.aliases) and hung.n_docs >= 2


def test_every_mention_points_at_its_catalog_entry(dump):
    _, out = dump
    ents = pd.read_parquet(out / "entities")
    cat = pd.read_parquet(out / "entity_catalog")
    assert ents.entity_id.notna().all()
    assert set(ents.entity_id) == set(cat.entity_id)
    counts = ents.groupby("entity_id").size()
    assert (cat.set_index("entity_id").n_mentions == counts.reindex(cat.entity_id).values).all()


def test_ids_identical_across_runs_and_independent_of_file_order(dump, tmp_path):
    root, out = dump
    # Same files under other names (another discovery order), given one by one in reverse.
    other = tmp_path / "other"
    other.mkdir()
    for i, name in enumerate(sorted(SAME_ARTICLE, reverse=True)):
        shutil.copy(root / name, other / f"{i}_{name}")
    out2 = tmp_path / "out2"
    _run(sorted(other.iterdir(), reverse=True), out2)
    a = pd.read_parquet(out / "entity_catalog")[["entity_id", "key", "name", "n_mentions", "n_docs"]]
    b = pd.read_parquet(out2 / "entity_catalog")[["entity_id", "key", "name", "n_mentions", "n_docs"]]
    # doc-scoped keys name their documents, which are named after their files here
    a, b = (x[~x.key.str.startswith("person@")].sort_values("entity_id").reset_index(drop=True) for x in (a, b))
    pd.testing.assert_frame_equal(a, b)
    out3 = tmp_path / "out3"
    _run([root], out3)
    pd.testing.assert_frame_equal(pd.read_parquet(out / "entity_catalog"), pd.read_parquet(out3 / "entity_catalog"))


@pytest.fixture(scope="module")
def samples_catalog(samples_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("samples_out")
    _run([samples_dir], out)
    return pd.read_parquet(out / "entity_catalog"), pd.read_parquet(out / "entities")


@pytest.mark.parametrize("key,aliases", [
    ("place:KR", {"Hàn Quốc", "Korea", "Han Quoc", "Hàn_Quốc"}),
    ("place:JP", {"Nhật Bản", "Japan", "Nhat Ban", "Nhật_Bản"}),
    ("place:US", {"Mỹ"}),
    ("person:kentaro sakaguchi", {"Sakaguchi", "Kentaro Sakaguchi", "Sakaguchi Kentaro"}),
    ("person:kyung lee park", {"Park_Kyung_Lee", "Park Kyung Lee"}),
])
def test_samples_resolve_to_one_entry_each(samples_catalog, key, aliases):
    cat, _ = samples_catalog
    assert aliases <= set(_entry(cat, key).aliases)


def test_samples_never_merge_two_different_people(samples_catalog):
    cat, _ = samples_catalog
    for _, row in cat[cat.label == "PER"].iterrows():
        sets = [frozenset(fold(w) for w in words(a)) for a in row.aliases]
        fullest = max(sets, key=len)
        assert all(s <= fullest for s in sets), (row["name"], list(row.aliases))
