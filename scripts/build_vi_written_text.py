"""Build ``data/vi_written.txt``: news-style Vietnamese running text written for the project.

Sources (all written for this project, facts invented):

* ``data/_incoming/written_vi_text*.txt``: short articles, one paragraph a line, each
  paragraph split here into sentences at ``.``/``!``/``?`` before a capital or an
  opening quote;
* the texts of ``evaluation/gold/vi_written_ner.jsonl``, but for the parts in
  ``--skip-parts`` (by default ``written-d``: foreign names in near-identical frames,
  which would skew the syllable counts; and ``written-m`` to ``written-zv``, which write
  names in lower case on purpose, as the treebank's source does, to teach the entity CRF:
  as running text they would teach the diacritics model and the capitalised-share table
  wrong capitals; so do ``written-zz``, ``-zza`` and ``-zzb``, session 10, and ``written-zzc`` to ``-zze``, session 11); and ``written-zw`` to
  ``written-zy`` (headlines, captions and lead lines, session 9), added after the diacritics model and
  the capitalised-share table were built from this text).

One sentence a line, NFC, in that order (so that the treebank text, read after it by
``scripts/build_diacritics_model.py``, keeps its tail for ``--tune``).

    .venv/bin/python scripts/build_vi_written_text.py
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parents[1]
SENTENCE_END = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\"“])")


def sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph (NFC, stripped)."""
    text = unicodedata.normalize("NFC", paragraph.strip())
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--incoming", type=Path, default=REPO / "data" / "_incoming")
    ap.add_argument("--gold", type=Path, default=REPO / "evaluation" / "gold" / "vi_written_ner.jsonl")
    ap.add_argument("--skip-parts", default="d,m,n,o,p,q,r,s,t,u,v,w,x,y,z,za,zb,zc,zd,ze,zf,zg,zh,zi,zj,zk,zl,zm,zn,zo,zp,zq,zr,zs,zt,zu,zv,zw,zx,zy,zz,zza,zzb,zzc,zzd,zze", help="written-X parts whose texts are left out (comma separated)")
    ap.add_argument("--out", type=Path, default=REPO / "data" / "vi_written.txt")
    a = ap.parse_args(argv)
    texts = sorted(a.incoming.glob("written_vi_text*.txt"), key=lambda p: int(regex.sub(r"\D", "", p.stem) or 0))
    if not texts:
        sys.exit(f"no written_vi_text*.txt under {a.incoming}")
    out: list[str] = []
    for path in texts:
        for para in path.read_text(encoding="utf-8").splitlines():
            out += sentences(para)
    n_text = len(out)
    skip = {p.strip() for p in a.skip_parts.split(",") if p.strip()}
    parts: set[str] = set()
    with a.gold.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            part = row["id"].split("-")[1]
            if part not in skip:
                parts.add(part)
                out.append(unicodedata.normalize("NFC", row["text"].strip()))
    a.out.write_text("".join(s + "\n" for s in out), encoding="utf-8")
    syllables = sum(len(s.split()) for s in out)
    print(f"wrote {a.out}: {len(out):,} sentences ({n_text:,} from {len(texts)} text files, "
          f"{len(out) - n_text:,} from the gold parts {sorted(parts)}), {syllables:,} tokens")


if __name__ == "__main__":
    main()
