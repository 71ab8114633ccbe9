""""Does X cause Y" questions (medcore/qa/relation.py) and the general gastroenteritis and head-injury pages
(medcore/qa/overview_pages.py, assets/kb/qa/overviews.yaml)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medcore.qa import relation, service
from medcore.qa.cues import load_cues

REPO = Path(__file__).resolve().parents[2]
KB = REPO / "assets" / "kb"


def _ask(qa, q):
    settings, eng = qa
    return service.ask(settings, q, eng=eng)


@pytest.mark.parametrize("q, x, y", [
    ("does metformin give you the runs", "metformin", "the runs"),
    ("is a dry tickly cough a side effect of ramipril", "ramipril", "a dry tickly cough"),
    ("can headaches be caused by high blood pressure", "high blood pressure", "headaches"),
    ("is smoking a risk factor for a chest infection", "smoking", "a chest infection"),
    ("can a knock on the head cause memory problems", "a knock on the head", "memory problems"),
])
def test_the_question_is_split_into_cause_and_effect(q, x, y):
    rel = relation.read(load_cues(KB), q)
    assert rel == relation.Relation(x, y)


@pytest.mark.parametrize("q", ["what causes gout", "can you catch flu twice", "can i take ibuprofen with warfarin",
                               "is it contagious", "how does the flu make you feel"])
def test_other_questions_are_not_read_as_a_link(q):
    assert relation.read(load_cues(KB), q) is None


def test_a_symptom_of_a_condition_is_answered_yes_from_the_graph_with_its_source(qa):
    a = _ask(qa, "does concussion cause headaches")
    assert a.topic[0]["id"] == "condition:concussion" and not a.refused
    s = a.sentences[0]
    assert s.text.startswith("Yes.") and "headache" in s.text.lower()
    assert s.section == "symptoms" and s.origin == "graph" and "NICE NG232" in s.source


def test_a_risk_factor_is_answered_from_the_graph(qa):
    a = _ask(qa, "is smoking a risk factor for a chest infection")
    assert a.topic[0]["id"] == "condition:pneumonia"
    s = a.sentences[0]
    assert s.section == "causes" and s.origin == "graph" and "risk factor" in s.text and "smoker" in s.text
    assert s.source and "Pneumonia" in s.source


def test_a_side_effect_is_answered_from_the_drug_page_without_a_bare_yes(qa):
    a = _ask(qa, "is a dry tickly cough a side effect of ramipril")
    assert a.topic[0]["id"] == "drug:ramipril"
    assert a.sentences[0].section in ("side_effects_common", "side_effects_serious")
    assert not a.sentences[0].text.startswith("Yes")  # a sentence on the page, for the reader to judge
    assert any("cough" in s.text.lower() for s in a.sentences[1:]) and all(s.source for s in a.sentences)


def test_an_everyday_name_is_matched_whole(qa):
    """'the runs' is diarrhoea only with its article (the metformin page says 'loose stools')."""
    a = _ask(qa, "does metformin give you the runs")
    assert a.sentences[0].section == "side_effects_common", a.to_dict()
    assert "loose stools" in a.sentences[1].text


def test_no_link_in_the_kb_is_said_plainly_and_never_as_no(qa):
    for q, page in (("can ibuprofen cause hair loss", "drug:ibuprofen"),
                    ("can asthma cause hair loss", "condition:asthma")):
        a = _ask(qa, q)
        assert a.topic[0]["id"] == page and not a.refused
        first = a.sentences[0]
        assert first.section == "no_link" and "no record linking" in first.text
        assert "does not mean there is no link" in first.text
        assert not a.answer.lower().startswith("no")


def test_neither_side_a_page_is_refused_not_answered_from_a_symptom_list(qa):
    a = _ask(qa, "does stress cause headaches")
    assert a.refused and a.sentences == []


def test_the_general_pages_exist_with_the_chats_warning_signs_and_curated_advice(pages):
    for cid, covers in (("condition:head_injury", ("condition:concussion", "condition:head_injury_severe")),
                        ("condition:gastroenteritis", ("condition:viral_gastroenteritis",))):
        page = pages[cid]
        assert page.kind == "condition" and page.codes["icd10cm"]
        help_ = page.section("when_to_get_help").passages
        assert help_[0].origin == "triage_kb" and help_[0].text.startswith("Call an ambulance")
        assert any(p.origin == "curated" for p in help_)
        for other in covers:  # each covered condition's own warning signs are on the general page
            for sign in pages[other].section("when_to_get_help").passages[2:]:
                signs = sign.text.split(": ", 1)[1].rstrip(".").split(", ")
                assert all(any(s in p.text for p in help_) for s in signs), (cid, s)
    a_and_e = " ".join(p.text for p in pages["condition:head_injury"].section("when_to_get_help").passages)
    assert "A&E" in a_and_e and "knocked out" in a_and_e and "blood thinners" in a_and_e


def test_the_general_words_find_the_general_pages(qa):
    for q, page in (("what is gastroenteritis", "condition:gastroenteritis"),
                    ("when should someone go to A&E after a head injury", "condition:head_injury"),
                    ("what should you do after a bump on the head", "condition:head_injury")):
        a = _ask(qa, q)
        assert a.topic[0]["id"] == page and not a.refused, (q, a.to_dict())


def test_a_general_page_for_an_unknown_condition_or_a_triage_one_is_refused(tmp_path):
    import yaml

    from medcore.qa import overview_pages
    from medcore.qa.curated import ContentError

    kb = tmp_path / "kb"
    shutil.copytree(KB, kb)
    path = kb / "qa" / "overviews.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["overviews"]["head_injury"]["covers"].append("no_such_condition")
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(ContentError, match="no_such_condition"):
        overview_pages.build_all(kb)
    doc["overviews"]["head_injury"]["covers"].pop()
    doc["overviews"]["head_injury"]["concept"] = "condition:concussion"  # has its own triage page
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(ContentError, match="own triage page"):
        overview_pages.build_all(kb)


# Session 7 follow-up: everyday names and lay phrases the knowledge layer now holds (each with its source), written
# for these tests in our own words.
@pytest.mark.parametrize("q, page, section", [
    ("what is COPD", "condition:chronic_obstructive_pulmonary_disease", "what"),
    ("how do you stop COPD getting worse", "condition:chronic_obstructive_pulmonary_disease", None),
    ("how long does a cold usually last", "condition:common_cold", "outlook"),
    ("is a cold contagious", "condition:common_cold", "contagion"),
    ("what helps a cold sore heal", "condition:cold_sores", None),
])
def test_copd_and_a_cold_are_named_topics(qa, q, page, section):
    a = _ask(qa, q)
    assert a.topic and a.topic[0]["id"] == page and not a.refused, (q, a.to_dict())
    if section:
        assert a.sentences[0].section == section, (q, a.to_dict())


def test_the_copd_page_is_a_general_page_with_the_flare_up_warning_signs(pages):
    page = pages["condition:chronic_obstructive_pulmonary_disease"]
    help_ = page.section("when_to_get_help").passages
    assert help_[0].origin == "triage_kb" and any(p.origin == "curated" for p in help_)
    assert all(p.source for s in page.sections for p in s.passages)


@pytest.mark.parametrize("q, page", [
    ("does amlodipine make the ankles swell", "drug:amlodipine"),
    ("is blurry eyesight a sign of type 2 diabetes", "condition:type2_diabetes"),
    ("can a bang on the head lead to memory problems", "condition:head_injury"),
    ("is being very overweight a risk factor for sleep apnoea", "condition:osa"),
])
def test_lay_phrases_find_the_link_the_kb_holds(qa, q, page):
    a = _ask(qa, q)
    ids = [t["id"] for t in a.topic]
    assert page in ids, (q, a.to_dict())
    assert a.sentences and a.sentences[0].section != "no_link", (q, a.to_dict())


def test_a_scan_is_not_a_brain_tumour_word(qa):
    a = _ask(qa, "does a child who falls off a bed need a scan")
    assert "condition:brain_tumour" not in [t["id"] for t in a.topic], a.to_dict()


def test_an_abbreviation_keeps_its_capitals_in_a_link_question(qa):
    """'COPD' is matched as an abbreviation only in capitals; the link question once lower-cased it and refused."""
    rel = relation.read(load_cues(KB), "is smoking a cause of COPD?")
    assert rel == relation.Relation("smoking", "COPD")
    a = _ask(qa, "is smoking a cause of COPD?")
    assert not a.refused and a.topic[0]["id"] == "condition:chronic_obstructive_pulmonary_disease", a.to_dict()
    assert a.sentences[0].section == "causes" and "smok" in a.answer.lower()


def test_feeling_cold_is_not_the_common_cold(qa):
    """'colds' once folded to the bare word 'cold' ("just a bad cold" went to the common-cold page, not flu)."""
    _, eng = qa
    for q in ("why do my hands feel cold", "how would you tell flu from feeling a bit cold"):
        assert "condition:common_cold" not in [t.id for t in eng.finder.find(q)], q
