"""The knowledge layer's normal form (knowledge/normal_form.py over normal_form.yaml): each rule on its own, the
token stream the matcher scans, and the data file's schema."""

from __future__ import annotations

import pytest

from medcore.config import REPO_ROOT
from medcore.knowledge import kbfiles, normal_form
from medcore.knowledge.normalize import load_variants, tokenize


def _norm(text: str) -> list[str]:
    keys = [t.key for t in tokenize(text, load_variants(REPO_ROOT / "assets" / "kb"))[1]]  # the matcher's keys
    return [t for t, _, _ in normal_form.normal_form(keys)]


@pytest.mark.parametrize("text, want", [
    ("the dog was barking", ["the", "dog", "barking"]),  # 'be' left out
    ("my ears have been ringing", ["my", "ear", "ringing"]),  # perfect 'have' before 'been'
    ("i have a rash", ["i", "have", "a", "rash"]),  # 'have' as a main verb stays
    ("my eye began watering", ["my", "eye", "watering"]),  # aspectual before -ing
    ("my eye began to water", ["my", "eye", "watering"]),  # 'to' + verb after it
    ("it began to my surprise", ["it", "began", "to", "my", "surprise"]),  # not a verb after 'to'
    ("gained 4 kg", ["gained", "#mass"]),
    ("gained about three and a half stone", ["gained", "#mass"]),
    ("gained 12lbs", ["gained", "#mass"]),  # unit written onto the number
    ("went up three skirt sizes", ["went", "up", "#size"]),
    ("three skirt pleats", ["three", "skirt", "pleat"]),  # a qualifier without its unit is no quantity
])
def test_each_rule(text, want):
    assert _norm(text) == want


def test_gerund_forms():
    assert [normal_form.gerund(v) for v in ("hop", "bake", "lie", "flee", "shout")] == \
        ["hopping", "baking", "lying", "fleeing", "shouting"]


def test_stream_covers_the_original_tokens():
    v = load_variants(REPO_ROOT / "assets" / "kb")
    text = "The ceiling has been whirling"
    split = tokenize(text, v)[1]
    got = normal_form.stream(split)
    assert [t.key for t, _, _ in got] == ["the", "ceiling", "whirling"]
    tok, i, j = got[-1]
    assert text[tok.start:tok.end] == "whirling" and (i, j) == (4, 5)
    assert normal_form.stream(tokenize("a dry cough", v)[1]) == []  # nothing left out: no second stream


def test_word_lists_are_data_with_a_source():
    doc = kbfiles.load(REPO_ROOT / "assets" / "kb", "normal_form.yaml")
    assert doc["source"] and "is" in doc["be_forms"] and any(q["kind"] == "#mass" for q in doc["quantities"])
    with pytest.raises(kbfiles.KnowledgeKBError):
        kbfiles.validate({**doc, "quantities": [{"kind": "mass", "units": ["kg"]}]}, "normal_form.yaml")
