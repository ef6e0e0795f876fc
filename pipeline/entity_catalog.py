"""One catalog entry per real-world entity, across spellings, forms, languages and documents.

Two steps, both pure:

* :func:`link` (the ``entity_catalog`` stage, per document) gives every entity
  mention a **key** that says why it belongs to its entity, and the id derived
  from that key. Keys depend on the name and on the mention's own document
  only, so ids are the same on every run, whatever the file order, and the
  stage runs in parallel like every other stage.
* :func:`build_catalog` (once per run, over the whole ``entities`` table)
  groups the mentions by id into the ``entity_catalog`` table: display name,
  label, aliases, counts.

The merging rules (each key says which one applied):

``place:<ISO code>``
    A country or territory, in any language: CLDR's names in Vietnamese and
    English (through Babel) plus the press names in ``lang/*/entity_catalog.py``
    (``Mỹ``, ``Korea``, ``the United States``). A country's name of two words
    or more is the country even when the tagger called it a person.
``person:<tokens>``
    A person's name, casefolded, its words sorted: ``Kentaro Sakaguchi`` and
    ``Sakaguchi Kentaro`` are one person. Spaces, underscores and hyphens
    separate words, so ``Park_Kyung_Lee`` = ``Park Kyung Lee``. A mention that
    has only part of a name (``Sakaguchi``) takes the full name's key when
    exactly one full name in the **same document** contains it; otherwise it
    stays a person of that document only (``person@<doc_id>:<tokens>``): two
    articles about two different "Hùng"s are never merged. A mention written
    without diacritics (stripped text) takes the key of the one
    diacritic-bearing name of the same document it folds to.
``org:``/``loc:``/``misc:<folded name>``
    Other names by label, folded (case, diacritics, spaces, hyphens and dots
    ignored): ``Hà Nội`` = ``Ha Noi`` = ``Hanoi``; ``Vietjet`` = ``VietJet``.
    An acronym (``KBS``) and the organisation whose initials it spells
    (``Korean Broadcasting System``) in the same document share the acronym's
    key, so other documents that only say ``KBS`` join them.
"""
from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.document import Document
from pipeline.entities import _fold as fold  # lower case, no diacritics, _ - . as spaces


# ---------------------------------------------------------------------------
# Name forms
# ---------------------------------------------------------------------------


def compact(s: str) -> str:
    """Folded, letters and digits only: the comparison form of places, organisations, works."""
    return re.sub(r"[\W_]+", "", fold(s))


def words(s: str) -> list[str]:
    """Casefolded words of a name, diacritics kept (NFC); ``_``, ``-`` and spaces separate."""
    s = unicodedata.normalize("NFC", s).casefold()
    return [w for w in re.split(r"[\s_\-‐–]+", s) if w.strip(".'’")]


def has_diacritics(s: str) -> bool:
    """Does the name carry any non-ASCII letter (Vietnamese diacritics, đ)?"""
    return any(ord(c) > 127 and c.isalpha() for c in s)


def entity_id(key: str) -> str:
    """The stable id of a key: 16 hex digits of its SHA-1."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------
# Places: CLDR + press aliases
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _territories() -> tuple[dict[str, str], dict[str, str]]:
    """(exact casefolded name -> ISO code, compact name -> ISO code) over vi and en."""
    try:
        from babel import Locale
    except ImportError as e:  # pragma: no cover - babel is a declared dependency
        raise ImportError("the entity catalog needs Babel's CLDR data: pip install babel") from e
    from pipeline.lang.en.entity_catalog import PLACE_ALIASES as EN
    from pipeline.lang.vi.entity_catalog import PLACE_ALIASES as VI

    exact: dict[str, str] = {}
    folded: dict[str, set[str]] = {}

    def add(name: str, code: str) -> None:
        exact.setdefault(" ".join(words(name)), code)
        folded.setdefault(compact(name), set()).add(code)

    for aliases in (VI, EN):
        for name, code in aliases.items():
            add(name, code)
    for loc in ("vi", "en"):
        for code, name in Locale(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code not in ("EU", "EZ", "UN", "QO", "ZZ"):
                add(name, code)
                add(re.sub(r"\s*\(.*\)", "", name), code)
    unambiguous = {k: next(iter(v)) for k, v in folded.items() if len(v) == 1 and k}
    return exact, unambiguous


@functools.lru_cache(maxsize=1)
def territory_names() -> dict[str, str]:
    """ISO code -> Vietnamese CLDR name (the catalog's display name for a country)."""
    from babel import Locale

    return {c: re.sub(r"\s*\(.*\)", "", n) for c, n in Locale("vi").territories.items()}


def territory(name: str) -> str | None:
    """ISO 3166 code of a country or territory name in Vietnamese or English, or None."""
    exact, folded = _territories()
    w = words(name)
    if w and w[0] == "the":
        w = w[1:]
    key = " ".join(w)
    if key in exact:
        return exact[key]
    if has_diacritics(name):
        return None  # a diacritic-bearing name that is no country's exact name: not one
    return folded.get(compact(key))


# ---------------------------------------------------------------------------
# Per-document linking (pure)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """What linking needs to know of one entity mention."""

    text: str  # original substring
    norm: str  # clean form
    label: str  # PER / ORG / LOC / MISC


def _is_acronym(s: str) -> bool:
    return bool(re.fullmatch(r"[A-ZĐ][A-ZĐ0-9&]{1,7}", s.replace(".", "")))


def _initials(name: str) -> str:
    from pipeline.lang.en.entity_catalog import ACRONYM_STOPWORDS

    ws = [w for w in re.split(r"[\s_\-]+", name) if w and w.lower() not in ACRONYM_STOPWORDS]
    return fold("".join(w[0] for w in ws if w[0].isalnum())).replace(" ", "")


def base_key(m: Mention) -> str:
    """The key of a mention on its own, before looking at the rest of its document."""
    code = territory(m.norm)
    # A country's name is the country whatever the label; a one-word one ("Anh", "Hàn") only
    # when tagged as a place, as it is also a given name.
    if code and (m.label != "PER" or len(words(m.norm)) >= 2):
        return f"place:{code}"
    if m.label == "PER":
        return "person:" + " ".join(sorted(words(m.norm)))
    return f"{m.label.lower()}:{compact(m.norm)}"


def link(mentions: Sequence[Mention], doc_id: str) -> list[str]:
    """Keys of a document's mentions (see the module docstring for the rules)."""
    keys = [base_key(m) for m in mentions]
    persons = sorted({k for k, m in zip(keys, mentions) if m.label == "PER"})
    person_words = {k: set(k.split(":", 1)[1].split()) for k in persons}

    # Stripped spellings take the key of the one diacritic-bearing name they fold to.
    def folded(k: str) -> str:
        return " ".join(sorted(fold(w) for w in person_words[k]))

    by_fold: dict[str, set[str]] = {}
    for k in persons:
        if has_diacritics(k):
            by_fold.setdefault(folded(k), set()).add(k)
    for i, m in enumerate(mentions):
        if m.label == "PER" and not has_diacritics(m.text):
            cands = by_fold.get(folded(keys[i]), set()) - {keys[i]}
            if len(cands) == 1:
                keys[i] = next(iter(cands))

    # Part of a name -> the one full name of the document that contains it.
    persons = sorted({k for k, m in zip(keys, mentions) if m.label == "PER"})
    person_words = {k: set(k.split(":", 1)[1].split()) for k in persons}
    full = [k for k in persons if len(person_words[k]) >= 2]
    for i, m in enumerate(mentions):
        if m.label != "PER":
            continue
        mine = set(keys[i].split(":", 1)[1].split())
        folded_mine = {fold(w) for w in mine}
        containing = {k for k in full if k != keys[i] and (
            mine < person_words[k] or folded_mine < {fold(w) for w in person_words[k]})}
        if len(containing) == 1:
            keys[i] = next(iter(containing))
        elif len(mine) < 2 and keys[i].startswith("person:"):
            keys[i] = f"person@{doc_id}:" + keys[i].split(":", 1)[1]

    # Acronym <-> organisation whose initials it spells, in this document.
    orgs = {i: m for i, m in enumerate(mentions) if m.label == "ORG" and keys[i].startswith("org:")}
    for i, m in orgs.items():
        if not _is_acronym(m.norm):
            continue
        acro = compact(m.norm)
        spelled = {keys[j] for j, o in orgs.items() if j != i and not _is_acronym(o.norm)
                   and _initials(o.norm) == acro}
        if len(spelled) == 1:
            target = next(iter(spelled))
            keys = [keys[i] if k == target else k for k in keys]
    return keys


class EntityCatalogStage:
    name = "entity_catalog"
    requires = ("entities",)
    provides = ("entity_id",)

    def __call__(self, doc: Document) -> Document:
        keys = link([Mention(e.text, e.norm, e.label) for e in doc.entities], doc.doc_id)
        for e, k in zip(doc.entities, keys):
            e.entity_key = k
            e.entity_id = entity_id(k)
        return doc


# ---------------------------------------------------------------------------
# The catalog table (pure, over the whole entities table)
# ---------------------------------------------------------------------------

_LABEL_ORDER = {"PER": 0, "ORG": 1, "LOC": 2, "MISC": 3}


def _display_name(key: str, norms: Counter, vi_norms: Counter) -> str:
    if key.startswith("place:"):
        code = key.split(":", 1)[1]
        if code in territory_names():
            return territory_names()[code]
    pool = vi_norms or norms
    person = key.startswith("person")
    # Prefer a Vietnamese spelling with diacritics, then (persons) the fullest name, then the most
    # used, then the shortest; the alphabetically first breaks what ties remain.
    return min(pool, key=lambda n: (not has_diacritics(n), -len(words(n)) if person else 0, -pool[n], len(n), n))


def build_catalog(entities) -> "pd.DataFrame":  # noqa: F821 - pandas is imported lazily
    """The ``entity_catalog`` rows from the ``entities`` table (a pandas DataFrame).

    Needs the columns ``doc_id``, ``entity_id``, ``entity_key``, ``text``, ``norm``,
    ``label`` and ``lang``. One row per ``entity_id``, sorted by mentions (most
    first) then id, so the table is the same whatever order the rows come in.
    """
    import pandas as pd

    cols = ["entity_id", "key", "name", "label", "aliases", "n_mentions", "n_docs"]
    df = entities[entities["entity_id"].notna()]
    rows = []
    for eid, g in df.groupby("entity_id", sort=True):
        key = g["entity_key"].iloc[0]
        norms = Counter(g["norm"])
        vi_norms = Counter(g.loc[g["lang"] == "vi", "norm"])
        name = _display_name(key, norms, vi_norms)
        labels = Counter(g["label"])
        label = min(labels, key=lambda lab: (-labels[lab], _LABEL_ORDER.get(lab, 9), lab))
        aliases = sorted(set(g["norm"]) | set(g["text"]), key=lambda s: (s != name, s))
        rows.append({"entity_id": eid, "key": key, "name": name, "label": label, "aliases": aliases,
                     "n_mentions": len(g), "n_docs": g["doc_id"].nunique()})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["n_mentions", "entity_id"], ascending=[False, True], kind="stable").reset_index(drop=True)
