"""Read the output: DuckDB views over every table, the ``mentions`` view, and the ``inspect`` report.

    pipeline sql "SELECT name, n_docs FROM entity_catalog ORDER BY n_docs DESC LIMIT 10"

or in Python::

    from pipeline.query import connect
    con = connect("output")
    con.sql("SELECT * FROM mentions WHERE doc_id = '001_250ad5e89605ddc5'").df()
"""
from __future__ import annotations

from pathlib import Path

from pipeline.tables import TABLES

# Every extracted span of every kind, one row each, keyed like the tables on doc_id + mention_id.
MENTIONS_SQL = """
SELECT 'entity' AS kind, doc_id, mention_id, "start", "end", text, label AS type, norm AS value,
       entity_id, lang FROM entities
UNION ALL
SELECT 'money', doc_id, mention_id, "start", "end", text, currency,
       CAST(amount AS VARCHAR) || coalesce('-' || CAST(amount_max AS VARCHAR), '') || ' ' || coalesce(currency, '?'),
       NULL, lang FROM money
UNION ALL
SELECT 'date', doc_id, mention_id, "start", "end", text, grain, value, NULL, lang FROM dates
"""
MENTIONS_NEEDS = ("entities", "money", "dates")


def _duckdb():
    try:
        import duckdb
    except ImportError as e:  # pragma: no cover - duckdb is a declared dependency
        raise ImportError("querying the output needs DuckDB: pip install duckdb") from e
    return duckdb


def connect(output: str | Path):
    """A DuckDB connection with one view per table found under ``output`` (and ``mentions``)."""
    duckdb = _duckdb()
    root = Path(output)
    if not root.is_dir():
        raise FileNotFoundError(f"no output folder {root}: run `pipeline run -o {root}` first")
    con = duckdb.connect()
    found = []
    for name in TABLES:
        if any((root / name).glob("*.parquet")):
            pattern = str((root / name) / "*.parquet").replace("'", "''")
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', union_by_name = true)")
            found.append(name)
    if not found:
        raise FileNotFoundError(f"{root} holds no tables: run `pipeline run -o {root}` first")
    if all(n in found for n in MENTIONS_NEEDS):
        con.execute(f"CREATE VIEW mentions AS {MENTIONS_SQL}")
    return con


def mentions(output: str | Path):
    """The ``mentions`` view as a pandas DataFrame."""
    return connect(output).sql("SELECT * FROM mentions ORDER BY doc_id, kind, start").df()


def _has(con, name: str) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])


def inspect(output: str | Path, top: int = 8) -> str:
    """A readable summary of an output folder."""
    con = connect(output)
    lines: list[str] = []

    def section(title: str) -> None:
        lines.extend(["", title, "-" * len(title)])

    section("Documents by language and status")
    for lang, status, n in con.sql(
            "SELECT coalesce(lang, '-'), status, count(*) FROM documents GROUP BY ALL ORDER BY 3 DESC, 1, 2").fetchall():
        lines.append(f"  {lang:<6} {status:<6} {n:>8}")

    if _has(con, "entity_catalog"):
        section("Top entities per label (mentions / documents, aliases)")
        for (label,) in con.sql("SELECT DISTINCT label FROM entity_catalog ORDER BY label").fetchall():
            lines.append(f"  {label}")
            rows = con.execute(
                "SELECT name, n_mentions, n_docs, aliases FROM entity_catalog WHERE label = ? "
                "ORDER BY n_mentions DESC, n_docs DESC, name LIMIT ?", [label, top]).fetchall()
            for name, n, d, aliases in rows:
                other = [a for a in aliases if a != name]
                alias = f"  = {', '.join(other[:6])}{' ...' if len(other) > 6 else ''}" if other else ""
                lines.append(f"    {name:<32} {n:>5} / {d:<4}{alias}")
    elif _has(con, "entities"):
        section("Top entities per label")
        for label, norm, n in con.execute(
                "SELECT label, norm, count(*) AS n FROM entities GROUP BY ALL "
                "QUALIFY row_number() OVER (PARTITION BY label ORDER BY n DESC, norm) <= ? ORDER BY 1, 3 DESC",
                [top]).fetchall():
            lines.append(f"  {label:<5} {norm:<32} {n:>5}")

    if _has(con, "money"):
        section("Money totals per currency")
        for cur, n, total in con.sql(
                "SELECT coalesce(currency, '?'), count(*), sum(amount) FROM money "
                "WHERE equivalent_of IS NULL GROUP BY ALL ORDER BY 2 DESC, 1").fetchall():
            lines.append(f"  {cur:<4} {n:>6} mentions  total {total:,.2f}")
        n_eq = con.sql("SELECT count(*) FROM money WHERE equivalent_of IS NOT NULL").fetchall()[0][0]
        if n_eq:
            lines.append(f"  (+ {n_eq} conversions of another amount, not counted in the totals)")

    if _has(con, "dates"):
        section("Dates by year (calendar dates and times)")
        for year, n in con.sql(
                "SELECT substr(value, 1, 4) AS year, count(*) FROM dates WHERE type IN ('date', 'time') "
                "AND regexp_matches(value, '^[0-9]{4}') GROUP BY ALL ORDER BY 1").fetchall():
            lines.append(f"  {year}  {n:>6}")
        other = con.sql("SELECT type, count(*) FROM dates WHERE type NOT IN ('date', 'time') GROUP BY ALL ORDER BY 1").fetchall()
        if other:
            lines.append("  also: " + ", ".join(f"{n} {t}s" for t, n in other))
    return "\n".join(lines).lstrip("\n")
