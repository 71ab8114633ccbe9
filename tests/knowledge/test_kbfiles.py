"""Schema and source checks of every knowledge data file, at load."""

from __future__ import annotations

import shutil

import pytest

from medcore.knowledge import kbfiles, schemas
from tests.knowledge._term import KB, shipped


@pytest.mark.parametrize("name", sorted(schemas.SCHEMAS))
def test_every_shipped_file_validates(name):
    doc = kbfiles.load(KB, name)
    assert doc["source"]
    for key in schemas.ENTRY_LISTS.get(name, ()):
        assert all(str(e.get("source", "")).strip() for e in doc[key]), f"{name}: an entry without a source"


@pytest.mark.parametrize("name,content,match", [
    ("conditions.yaml", "version: 1\nsource: x\nconditions:\n- {id: a, name: a, icd10cm: I21.9}\n", "source"),
    ("conditions.yaml", "version: 1\nsource: x\nconditions:\n- {id: a, name: a, icd10cm: I21.9, source: ''}\n", "source"),
    ("conditions.yaml", "version: 1\nsource: x\nconditions:\n- {id: a, name: a, icd10cm: i219, source: y}\n", "does not match"),
    ("conditions.yaml", "version: 1\nconditions:\n- {id: a, name: a, icd10cm: I21.9, source: y}\n", "source"),
    ("variants.yaml", "version: 1\nsource: x\nconfusables: {source: y, map: {}}\nuk_us: {source: y, rules: []}\n"
                      "plurals: {source: y, invariant: [no], irregular: {}}\nadjectives: {source: y, map: {}}\n", "not of type"),
    ("finding_hpo.yaml", "version: 1\nsource: x\nfindings:\n- {finding: fever, hpo: HP:1, source: y}\n", "does not match"),
    ("abbreviations.yaml", "version: 1\nsource: x\nabbreviations:\n- {abbr: MI, senses: [], source: y}\n", "too short|should be non-empty"),
])
def test_broken_files_are_refused_with_the_file_named(tmp_path, name, content, match):
    (tmp_path / "knowledge").mkdir()
    (tmp_path / "knowledge" / name).write_text(content)
    with pytest.raises(kbfiles.KnowledgeKBError, match=match) as err:
        kbfiles.load(tmp_path, name)
    assert name in str(err.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(kbfiles.KnowledgeKBError, match="procedures.yaml is missing"):
        kbfiles.load(tmp_path, "procedures.yaml")


def test_unknown_files_have_no_schema():
    with pytest.raises(kbfiles.KnowledgeKBError, match="no schema"):
        kbfiles.validate({"source": "x"}, "mystery.yaml")


def test_every_abbreviation_sense_names_a_concept():
    from medcore.knowledge.normalize import term_keys

    t = shipped()
    for entry in kbfiles.load(KB, "abbreviations.yaml")["abbreviations"]:
        if entry.get("chat"):  # the chat's own short forms expand to its symptom phrases (tests/triage/test_session24b.py)
            continue
        for sense in entry["senses"]:
            if sense["term"]:
                assert any(k in t.lexicon.terms for k in term_keys(sense["term"], t.variants)), (entry["abbr"], sense)


def test_condition_ids_are_unique_and_problem_list_entries_are_coded():
    doc = kbfiles.load(KB, "conditions.yaml")
    ids = [c["id"] for c in doc["conditions"]]
    assert len(ids) == len(set(ids)) and len(ids) > 450
    assert all(c["icd10cm"] for c in doc["conditions"])


def test_an_edited_kb_file_gives_a_new_cache(tmp_path):
    from medcore.knowledge.terminology import cache_digest

    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    before = cache_digest(kb)
    path = kb / "knowledge" / "procedures.yaml"
    path.write_text(path.read_text() + "\n# edited\n")
    assert cache_digest(kb) != before
