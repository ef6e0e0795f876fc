"""The README's table section and the schemas `pipeline run` writes cannot drift apart."""
import re
from pathlib import Path

from pipeline.tables import TABLES

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_tables() -> dict[str, list[str]]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Output tables", 1)[1].split("\n## ", 1)[0]
    tables = {}
    for block in re.split(r"^### ", section, flags=re.M)[1:]:
        name, _, body = block.partition("\n")
        rows = [line for line in body.splitlines() if line.startswith("| ")]
        tables[name.strip()] = [r.split("|")[1].strip() for r in rows[2:]]  # skip header and rule
    return tables


def test_readme_lists_every_table_and_column_in_order():
    documented = readme_tables()
    assert list(documented) == list(TABLES)
    for name, table in TABLES.items():
        assert documented[name] == table.schema.names, name
