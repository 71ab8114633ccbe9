"""The terminology API: concepts from every source, codes, search, and the on-disk cache."""

from __future__ import annotations

import importlib.util

from tests.knowledge._term import shipped


def test_every_source_gives_concepts():
    counts = shipped().counts()
    assert counts["icd10cm"] >= 98_000  # every code of the tabular list, extensions included
    assert counts["hpo"] >= 15_000 and counts["finding"] >= 300 and counts["condition"] >= 550
    assert counts["test"] >= 90 and counts["procedure"] >= 50


def test_get_and_by_code():
    t = shipped()
    mi = t.get("condition:myocardial_infarction")
    assert mi.codes["icd10cm"] == ("I21.9",) and "heart attack" in [s.lower() for s in mi.synonyms]
    assert mi.attrs["triage"] == "emergency"  # the triage KB's own field, read not copied
    assert [c.id for c in t.by_code("icd10cm", "I21.9")][:1] == ["condition:myocardial_infarction"]
    assert t.get("icd10cm:I63.9").name == "Cerebral infarction, unspecified"
    assert t.get("nope:x") is None


def test_findings_take_hpo_codes_and_synonyms():
    breathless = shipped().get("finding:breathless")
    assert breathless.codes["hpo"] == ("HP:0002094",)
    assert {"Dyspnea", "Dyspnoea", "Difficulty breathing"} <= set(breathless.synonyms)
    assert shipped().get("finding:vomit_blood").codes["hpo"] == ("HP:0002248",)  # hematemesis


def test_broader_hpo_terms_lend_their_code_not_their_words():
    t = shipped()
    red_hot = t.get("finding:joint_red_hot")
    assert red_hot.codes["hpo"] == ("HP:0001369",) and "Arthritis" not in red_hot.synonyms
    assert "Redness of skin or mucous membrane" not in t.get("finding:spreading_redness").synonyms
    seizure = t.get("finding:seizure")
    assert "Epilepsy" not in seizure.synonyms and "Epileptic seizure" in seizure.synonyms
    assert not any(h.concept.id == "finding:joint_red_hot" and h.score == 1.0 for h in t.search("arthritis"))


def test_hepatitis_b_and_c_are_separate_concepts():
    t = shipped()
    b, c = t.get("condition:hepatitis_b"), t.get("condition:hepatitis_c")
    assert b.codes["icd10cm"] == ("B19.10",) and c.codes["icd10cm"] == ("B19.20",)
    assert "hcv" not in b.synonyms and "hcv" in c.synonyms


def test_tests_carry_units_and_ranges():
    sodium = shipped().get("test:sodium")
    assert sodium.attrs["unit"] == "mmol/L" and (sodium.attrs["low"], sodium.attrs["high"]) == (136.0, 145.0)


def test_search_ranks_our_concept_first_and_says_which_synonym_matched():
    t = shipped()
    hits = t.search("short of breath", k=5)
    assert hits[0].concept.id == "finding:breathless" and hits[0].synonym == "short of breath" and hits[0].score == 1.0
    assert any(h.concept.id == "icd10cm:R06.02" for h in t.search("shortness of breath", k=10))
    assert t.search("hypert", k=3)[0].concept.name.lower().startswith("hypert")  # the last word is a prefix
    assert all(h.concept.type == "hpo" for h in t.search("dyspnea", k=5, types={"hpo"}))
    assert t.search("", k=5) == [] and t.search("zzzqqq", k=5) == []


def test_the_cache_is_reused_and_says_it_was():
    from medcore.knowledge import terminology as tm

    first = shipped()
    tm._loaded.clear()
    again = tm.load_terminology(type("S", (), {"kb_dir": first.kb_dir, "data_dir": first.folder.parent,
                                               "knowledge_cache_dir": str(first.folder.parent)})())
    assert again.build_s is None and again.folder == first.folder and again.load_s < 30


def test_registry_takes_drug_concepts_when_the_drug_module_exists():
    from medcore.knowledge.terminology import LOADERS

    has_drugs = importlib.util.find_spec("medcore.knowledge.drugs") is not None
    assert ("drug_concepts" in [f.__name__ for f in LOADERS]) == has_drugs


def test_clinical_words_the_symptom_chat_lacked_now_name_its_findings():
    t = shipped()
    text = "Dyspnoea, haematemesis and polyuria; a pulsatile abdominal mass; saddle anaesthesia."
    assert [m.concept_id for m in t.match(text, types={"finding"})] == [
        "finding:breathless", "finding:vomit_blood", "finding:frequent_urination", "finding:pulsatile_mass",
        "finding:saddle_numbness"]


def test_other_versions_caches_are_kept_until_stale(tmp_path):
    """A cache another process may still read is not deleted under it; only day-old ones are pruned."""
    import os

    from medcore.knowledge.terminology import STALE_CACHE_S, _prune

    keep, fresh, stale = (tmp_path / f"lexicon-{n}" for n in ("a", "b", "c"))
    for d in (keep, fresh, stale):
        d.mkdir()
    old = stale.stat().st_mtime - STALE_CACHE_S - 60
    os.utime(stale, (old, old))
    _prune(tmp_path, keep=keep)
    assert keep.is_dir() and fresh.is_dir() and not stale.exists()
