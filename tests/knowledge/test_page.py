"""AppTest of the Knowledge page: answers with sources, concept cards, the network, no errors."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
PAGE = str(REPO / "pages" / "knowledge.py")


def _texts(at) -> str:
    return "\n".join([t.value for t in at.text] + [m.value for m in at.markdown] + [c.value for c in at.caption])


def _ask(at, q):
    at.text_input(key="kg_question").input(q)
    at.button[0].click()  # the form's Ask button
    return at.run()


def test_page_shows_the_default_concept_card(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    assert not at.exception and not at.error
    shown = _texts(at)
    assert "#### Chest pain" in shown and "finding:chest_pain" in shown
    assert any("has_finding" in e.label for e in at.expander)


def test_asking_what_causes_chest_pain_shows_rows_with_sources(settings):
    at = _ask(AppTest.from_file(PAGE, default_timeout=120).run(), "What can cause chest pain?")
    assert not at.exception and not at.error
    shown = _texts(at)
    assert "What can cause chest pain?" in shown  # the question, shown as text
    assert "Heart attack (acute coronary syndrome)" in shown and "emergencies" in shown
    df = at.dataframe[0].value
    assert {"concept", "relation", "target", "source"} <= set(df.columns)
    mi = df[df["concept"] == "Heart attack (acute coronary syndrome)"].iloc[0]
    assert mi["relation"] == "has_finding" and "NICE CG95" in mi["source"] and "triage: emergency" in mi["detail"]


def test_treatment_question_shows_the_excluded_options_with_reasons(settings):
    at = _ask(AppTest.from_file(PAGE, default_timeout=120).run(),
              "first-line treatment of pneumonia in penicillin allergy")
    assert not at.exception and not at.error
    kept, excluded = at.dataframe[0].value, at.dataframe[1].value
    assert "doxycycline" in set(kept["target"]) and "amoxicillin" not in set(kept["target"])
    assert "amoxicillin" in set(excluded["target"]) and excluded["source"].str.len().min() > 0


def test_an_unmappable_question_is_shown_as_text_with_a_warning(settings):
    at = _ask(AppTest.from_file(PAGE, default_timeout=120).run(), "**bold** <b>what</b> is love")
    assert not at.exception and not at.error
    assert any("could not map" in w.value for w in at.warning)
    assert "**bold** <b>what</b> is love" in [t.value for t in at.text]  # verbatim, not rendered markdown


def test_search_opens_a_concept_card_with_codes_and_relations(settings):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.text_input(key="kg_search").input("meningitis").run()
    at.button(key="kg_open_condition:meningitis").click().run()
    assert not at.exception and not at.error
    shown = _texts(at)
    assert "#### Meningitis or meningococcal sepsis" in shown and "icd10cm: G03.9" in shown
    assert "triage level emergency" in shown
    red = next(e for e in at.expander if e.label.startswith("red_flag"))
    df = red.dataframe[0].value
    assert "Stiff neck (cannot touch chin to chest)" in set(df["concept"]) and df["source"].str.len().min() > 0


def test_search_uses_the_terminology_codes_and_lay_synonyms(settings):
    """"dyspnea" is no word of the triage KB: the terminology (HPO) maps it to the graph's finding."""
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.text_input(key="kg_search").input("dyspnea").run()
    shown = _texts(at)
    assert "finding:breathless" in shown and "hpo HP:0002094" in shown and "icd10cm:R06.0" in shown
    at.button(key="kg_open_finding:breathless").click().run()
    assert not at.exception and not at.error
    shown = _texts(at)
    assert "#### Shortness of breath" in shown and "hpo: HP:0002094" in shown
    at.button(key="kg_open_icd10cm:R06.0").click().run()  # an ICD-10-CM code with no relations
    assert not at.exception and not at.error
    assert any("no relations in the knowledge graph" in i.value for i in at.info)
