"""Our own news-style corpus: every case, in every Vietnamese form, exactly."""
import pytest

from evaluation.money import check_corpus_case
from tests.money.corpus import all_cases

CASES = all_cases()


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.lang}-{c.form}:{c.text[:50]}")
def test_corpus_case(case):
    ok, why = check_corpus_case(case)
    assert ok, why


def test_corpus_covers_forms_and_negatives():
    forms = {(c.lang, c.form) for c in CASES}
    assert forms == {("vi", "plain"), ("vi", "segmented"), ("vi", "no_diacritics"), ("en", "plain")}
    assert sum(1 for c in CASES if not c.expected) >= 20
    quals = {e[3] for c in CASES for e in c.expected}
    assert {"exact", "approx", "over", "under", "at_least", "at_most", "range"} <= quals
