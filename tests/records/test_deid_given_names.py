"""The given-name list (assets/kb/records/first_names.txt, built by scripts/build_first_names.py from the US Census
1990 given names less English words and clinical vocabulary) and the rule that reads a given name before a
capitalised word."""

from __future__ import annotations

import time

import pytest

from medcore.deid import _first_names, find_phi


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e, _k in find_phi(text)]


def test_list_is_the_census_list_less_english_words():
    names = _first_names()
    assert len(names) > 4000
    assert {"Latoya", "Shirley", "Maria", "Steven"} <= names  # Census additions and curated names
    for word in ("Will", "May", "June", "Grant", "Hope", "Faith", "Chase", "Pat", "Gene", "Sterling", "Penny",
                 "Ray", "Major", "Young", "Ivy", "Iris", "Dawn", "Summer", "Jan", "Max", "Georgia", "India"):
        assert word not in names, word


@pytest.mark.parametrize("text, name", [
    ("Lives with her daughter, latoya jenkins, who drives her.", "latoya jenkins"),
    ("At the visit he met Latisha.", "Latisha"),
    ("Support group each week with Lynnette Holmquist in town.", "Lynnette Holmquist"),
    ("Her neighbour Anna Mills drove her in.", "Anna Mills"),

])
def test_census_given_names_are_found(text, name):
    assert name in _found(text)


def test_a_school_after_a_given_name_stays_one_place():
    text = "She attends Lincoln Elementary School in the third grade."
    assert _found(text) == ["Lincoln Elementary School"]


@pytest.mark.parametrize("text", [
    "He will mark the site. May start june dosing in the summer. Grant hope and faith.",
    "Gene therapy was discussed; iris and ivy dermatitis noted at dawn.",
    "Followed for grafts in the Marlena Plastic Surgery Service since spring.",
    "Her mother rose from the chair; her son, bill, pays the bill.",
    "History of a Bill Roth procedure.",
])
def test_words_and_services_stay(text):
    assert _found(text) == []


@pytest.mark.parametrize("shape", ["Latoya Ab ", "Latoya Ab Surgery ", "Latoya \t"])
def test_given_name_pair_rule_is_linear(shape):
    text = shape * (40_000 // len(shape))
    start = time.perf_counter()
    find_phi(text)
    assert time.perf_counter() - start < 6.0
