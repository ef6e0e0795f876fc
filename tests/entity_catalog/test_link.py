"""The merging rules of the entity catalog, one example group per rule (pure functions, no models)."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.entity_catalog import Mention, base_key, build_catalog, entity_id, link, territory

# Spellings that must be one place: (label, name) in any language or form.
SAME_PLACE = {
    "KR": ["Hàn Quốc", "Hàn_Quốc", "Han Quoc", "HAN QUOC", "Korea", "South Korea", "Nam Hàn", "Hàn"],
    "US": ["Mỹ", "Hoa Kỳ", "Hoa_Kỳ", "Hoa Ky", "US", "U.S.", "the United States", "United States", "America"],
    "JP": ["Nhật Bản", "Nhật_Bản", "Nhat Ban", "Japan", "Nhật"],
    "CN": ["Trung Quốc", "Trung Quoc", "China"],
    "GB": ["Anh", "Vương quốc Anh", "United Kingdom", "UK", "Britain"],
    "VN": ["Việt Nam", "Viet Nam", "Vietnam", "VN"],
}


@pytest.mark.parametrize("code,names", SAME_PLACE.items())
def test_country_names_in_vietnamese_english_and_all_forms_are_one_place(code, names):
    for name in names:
        assert territory(name) == code, name
        assert base_key(Mention(name, name.replace("_", " "), "LOC")) == f"place:{code}"


@pytest.mark.parametrize("name", [
    "xứ kim chi",  # an epithet, not a name
    "Hà Nội", "Seoul", "Hollywood", "Korean", "Hàn Quốc Times",
    "Hân",  # diacritics that make it another word than "Hàn"
])
def test_not_a_country(name):
    assert territory(name) is None


def test_person_names_match_across_word_order_and_forms():
    keys = {base_key(Mention(n, n.replace("_", " "), "PER")) for n in [
        "Kentaro Sakaguchi", "Sakaguchi Kentaro", "Sakaguchi_Kentaro", "SAKAGUCHI Kentaro"]}
    assert keys == {"person:kentaro sakaguchi"}
    assert base_key(Mention("Park_Kyung_Lee", "Park Kyung Lee", "PER")) == base_key(
        Mention("Park Kyung Lee", "Park Kyung Lee", "PER"))
    assert base_key(Mention("Jong Yoo-seok", "Jong Yoo-seok", "PER")) == "person:jong seok yoo"


def test_a_surname_links_to_the_one_full_name_of_its_document():
    ms = [Mention("Kentaro Sakaguchi", "Kentaro Sakaguchi", "PER"), Mention("Sakaguchi", "Sakaguchi", "PER"),
          Mention("Sakaguchi Kentaro", "Sakaguchi Kentaro", "PER")]
    assert len(set(link(ms, "d1"))) == 1


def test_a_surname_alone_is_a_person_of_its_document_only():
    a = link([Mention("Sakaguchi", "Sakaguchi", "PER")], "d1")
    b = link([Mention("Sakaguchi", "Sakaguchi", "PER")], "d2")
    assert a != b and a[0].startswith("person@d1:")


def test_an_ambiguous_surname_is_not_linked():
    ms = [Mention("Kim Jae-joong", "Kim Jae-joong", "PER"), Mention("Kim Soo Hyun", "Kim Soo Hyun", "PER"),
          Mention("Kim", "Kim", "PER")]
    keys = link(ms, "d1")
    assert keys[2] == "person@d1:kim"
    assert keys[0] != keys[1]


def test_two_different_people_sharing_a_surname_stay_apart_across_documents():
    a = link([Mention("Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "PER"), Mention("Hùng", "Hùng", "PER")], "d1")
    b = link([Mention("Nguyễn Thị Lan", "Nguyễn Thị Lan", "PER"), Mention("Nguyễn", "Nguyễn", "PER")], "d2")
    assert len({*a, *b}) == 2 + 0 or a[0] != b[0]
    assert a[1] == a[0] and b[1] == b[0] and a[0] != b[0]
    # Diacritics tell names apart: Hùng is not Hưng.
    assert base_key(Mention("Nguyễn Văn Hưng", "Nguyễn Văn Hưng", "PER")) != a[0]


def test_a_stripped_spelling_joins_the_diacritic_name_of_its_document():
    ms = [Mention("Đinh Việt Phương", "Đinh Việt Phương", "PER"),
          Mention("Dinh Viet Phuong", "Dinh Viet Phuong", "PER"),  # restoration failed: norm still bare
          Mention("Phuong", "Phuong", "PER")]
    keys = link(ms, "d1")
    assert keys[0] == keys[1] == keys[2] == "person:phương việt đinh"


def test_organisations_by_folded_form_and_acronym():
    assert base_key(Mention("Vietjet", "Vietjet", "ORG")) == base_key(Mention("VietJet", "VietJet", "ORG"))
    ms = [Mention("Korean Broadcasting System", "Korean Broadcasting System", "ORG"),
          Mention("KBS", "KBS", "ORG"), Mention("MBC", "MBC", "ORG")]
    keys = link(ms, "d1")
    assert keys[0] == keys[1] == "org:kbs" and keys[2] == "org:mbc"
    # Another document that only says KBS joins the same entity.
    assert link([Mention("KBS", "KBS", "ORG")], "d2")[0] == "org:kbs"


def test_places_that_are_not_countries_fold_across_spellings():
    keys = {base_key(Mention(n, n, "LOC")) for n in ["Hà Nội", "Ha Noi", "Hanoi", "Hà_Nội"]}
    assert keys == {"loc:hanoi"}


def test_ids_are_stable_hashes_of_keys():
    assert entity_id("place:KR") == entity_id("place:KR") != entity_id("place:KP")
    assert len(entity_id("place:KR")) == 16


def _entities(rows):
    return pd.DataFrame(rows, columns=["doc_id", "text", "norm", "label", "lang", "entity_key"]).assign(
        entity_id=lambda d: d.entity_key.map(entity_id))


def test_catalog_rows_names_aliases_counts_and_order_independence():
    rows = [
        ("a", "Hàn_Quốc", "Hàn Quốc", "LOC", "vi", "place:KR"),
        ("a", "Han Quoc", "Hàn Quốc", "LOC", "vi", "place:KR"),
        ("b", "Korea", "Korea", "LOC", "en", "place:KR"),
        ("b", "Sakaguchi", "Sakaguchi", "PER", "en", "person:kentaro sakaguchi"),
        ("b", "Kentaro Sakaguchi", "Kentaro Sakaguchi", "PER", "en", "person:kentaro sakaguchi"),
        ("c", "Sakaguchi Kentaro", "Sakaguchi Kentaro", "PER", "vi", "person:kentaro sakaguchi"),
    ]
    cat = build_catalog(_entities(rows))
    kr = cat[cat.key == "place:KR"].iloc[0]
    assert kr["name"] == "Hàn Quốc" and kr.label == "LOC" and kr.n_mentions == 3 and kr.n_docs == 2
    assert list(kr.aliases) == ["Hàn Quốc", "Han Quoc", "Hàn_Quốc", "Korea"]
    per = cat[cat.key == "person:kentaro sakaguchi"].iloc[0]
    assert per["name"] == "Sakaguchi Kentaro"  # the spelling of the Vietnamese text, full name
    assert set(per.aliases) == {"Kentaro Sakaguchi", "Sakaguchi", "Sakaguchi Kentaro"}
    shuffled = build_catalog(_entities(rows[::-1]))
    pd.testing.assert_frame_equal(cat, shuffled)


def test_catalog_of_no_entities_is_empty():
    assert build_catalog(_entities([])).empty


def test_a_country_name_mislabelled_as_a_person_is_the_country_but_a_given_name_is_not():
    assert base_key(Mention("Han Quoc", "Hàn Quốc", "PER")) == "place:KR"
    assert base_key(Mention("Anh", "Anh", "PER")).startswith("person:")
