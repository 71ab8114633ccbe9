"""Session 17 (issue 11): a problem named only as a risk, a prevention or an if-then is reported "hypothetical"
by the clinical profile, and every reader keeps it apart: the summary lists it under its own heading (never a
problem, never the one-liner), the FHIR Bundle makes no Condition of it (validated with fhir.resources), the
Markdown labels it, the hand-off to the planner leaves it out, and the page shows it under its label. The
real-note scorer compares assertions exactly, with the lenient figure of sessions 9-16 beside it. The note is
written for this test (no development data)."""

from __future__ import annotations

from collections import Counter

import pytest

from medcore.knowledge.assertion_rules import load_rules
from medcore.records import export, real_eval, real_notes
from medcore.records.entities import Extraction, Problem
from medcore.records.pipeline import analyze
from medcore.records.structured import HYPOTHETICAL_TITLE
from medcore.therapy.forms import handoff_to_patient

NOTE = ("HPI: 62-year-old man with alcohol-related cirrhosis admitted with tense ascites.\n"
        "Plan: Started propranolol for primary prophylaxis of GI bleeding. Return if fever.\n")


@pytest.fixture
def analysis(kb):
    return analyze(NOTE, kb)


def _assertions(a) -> dict[str, str]:
    return {p.text.lower(): p.assertion for p in a.extraction.problems}


def test_the_clinical_profile_reports_hypothetical_and_the_lay_profile_keeps_possible():
    assert "hypothetical" not in dict(load_rules("clinical").report)  # reported as itself
    assert dict(load_rules("lay").report)["hypothetical"] == "possible"  # the chat's readers know no other


def test_prophylaxis_and_return_precautions_are_hypothetical_not_possible(analysis):
    got = _assertions(analysis)
    assert got["gi bleeding"] == "hypothetical" and got["fever"] == "hypothetical", got
    assert got["cirrhosis"] == "present" and got["ascites"] == "present", got


def test_the_summary_keeps_hypotheticals_apart_with_their_source(analysis):
    s = analysis.summary
    assert not any("bleeding" in i.text.lower() or "fever" in i.text.lower() for i in s.problems)
    lines = {i.detail["name"]: i for i in s.hypothetical}
    assert set(lines) >= {"gastrointestinal bleeding", "fever"}, lines
    bleed = lines["gastrointestinal bleeding"]
    assert "prophylaxis of GI bleeding" in bleed.text  # the words that say why
    start, end = bleed.detail["mention"]
    assert NOTE[start:end] == "GI bleeding" and bleed.sentence >= 0  # provenance to the sentence and mention
    assert "bleeding" not in s.one_liner.lower() and "fever" not in s.one_liner.lower(), s.one_liner
    assert s.to_dict()["hypothetical"]


def test_fhir_makes_no_condition_of_a_hypothetical(analysis):
    bundle = export.to_fhir_bundle(analysis)
    export.validate_bundle(bundle)
    conditions = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Condition"]
    names = {c["code"]["text"].lower() for c in conditions}
    assert "cirrhosis" in names and not {"gastrointestinal bleeding", "fever"} & names, names
    # a possible problem is still exported, provisional (only the hypothetical one left)
    next(p for p in analysis.extraction.problems if p.text == "cirrhosis").assertion = "possible"
    bundle = export.to_fhir_bundle(analysis)
    export.validate_bundle(bundle)
    ver = {e["resource"]["code"]["text"].lower(): e["resource"]["verificationStatus"]["coding"][0]["code"]
           for e in bundle["entry"] if e["resource"]["resourceType"] == "Condition"}
    assert ver.get("cirrhosis") == "provisional" and "fever" not in ver, ver


def test_markdown_labels_hypotheticals_apart_from_the_problems(analysis, kb):
    md = export.to_markdown(analysis, identifiers=True)
    active = md.split("## Active problems", 1)[1].split("##", 1)[0]
    assert "bleeding" not in active.lower() and "Cirrhosis" in active
    assert f"## {HYPOTHETICAL_TITLE}" in md
    hyp = md.split(f"## {HYPOTHETICAL_TITLE}", 1)[1].split("##", 1)[0]
    assert "GI bleeding" in hyp and "fever" in hyp.lower()
    # a note with no hypothetical has no such heading
    assert HYPOTHETICAL_TITLE not in export.to_markdown(analyze("HPI: 60-year-old woman with asthma.", kb))


def test_json_contract_reports_the_assertion(analysis):
    out = export.to_json(analysis)
    assert {p["text"]: p["assertion"] for p in out["problems"]}["GI bleeding"] == "hypothetical"
    assert any(i["detail"]["name"] == "fever" for i in out["summary"]["hypothetical"])


def test_the_planner_handoff_leaves_hypotheticals_out(analysis):
    data = export.handoff_data(analysis)
    names = {p["name"] for p in data["problems"]}
    assert "cirrhosis" in names and not {"gastrointestinal bleeding", "fever"} & names, names
    conditions = handoff_to_patient(data)["conditions"]
    assert "cirrhosis" in conditions and "fever" not in conditions


def _note(gold: list[tuple[str, str]]) -> real_notes.RealNote:
    text = " ".join(w for w, _ in gold)
    probs, pos = [], 0
    for word, assertion in gold:
        probs.append(real_notes.Problem(pos, pos + len(word), None, None, word, assertion))
        pos += len(word) + 1
    return real_notes.RealNote("t1", 0, "", "", "other", text=text, problems=probs)


def test_the_scorer_compares_assertions_exactly_and_reports_the_old_lenient_rule_beside():
    gold = [("bleeding", "hypothetical"), ("sepsis", "possible"), ("fever", "absent"), ("cough", "hypothetical")]
    note = _note(gold)
    out = ["possible", "hypothetical", "negated", "hypothetical"]  # two crossed, two right
    ex = Extraction(problems=[Problem(g.name, g.start, g.end, 0, g.name, a) for g, a in zip(note.problems, out)])
    c = real_eval.score_note(note, type("A", (), {"extraction": ex})())
    scores = real_eval.summarize_counts(c + Counter(), [])
    assert scores["assertion_accuracy"] == 0.5  # a gold hypothetical must come out hypothetical
    assert scores["assertion_accuracy_lenient"] == 1.0  # sessions 9-16: hypothetical and possible were one
    assert scores["assertion_confusion"]["hypothetical->possible"] == 1
    head = real_eval.headline(scores)
    assert head["assertion_accuracy"] == 0.5 and head["assertion_accuracy_lenient"] == 1.0


def test_the_page_shows_hypotheticals_under_their_label_not_as_problems(settings, fast_embed):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "pages" / "record_summarizer.py"),
                           default_timeout=120)
    at.run()
    at.text_area(key="rec_input").set_value(NOTE)
    next(b for b in at.button if b.label == "Summarize pasted note").click()
    at.run()
    assert not at.exception and not at.error
    shown = [m.value.replace("\\", "") for m in at.markdown]
    assert any(HYPOTHETICAL_TITLE in v for v in shown), shown
    # the items under that heading are buttons (provenance links) naming the hypothetical mentions
    labels = [b.label.replace("\\", "") for b in at.button if b.key and b.key.startswith("rec_item_hypothetical_")]
    assert any("prophylaxis of GI bleeding" in x for x in labels) and any("fever" in x for x in labels), labels
    problems = [b.label.lower() for b in at.button if b.key and b.key.startswith("rec_item_problems_")]
    assert problems and not any("bleeding" in x or "fever" in x for x in problems), problems
    # the extraction table names the assertion as it is
    table = next(d.value for d in at.dataframe if "assertion" in d.value.columns and "concept" in d.value.columns)
    assert "hypothetical" in set(table["assertion"]), table


def test_the_own_notes_scorer_folds_hypothetical_into_possible_as_its_gold_does(analysis):
    from medcore.records.evaluate import predicted_entities

    got = {(s, e): a for s, e, kind, a in predicted_entities(analysis) if kind == "problem"}
    start = NOTE.index("GI bleeding")
    assert got[(start, start + len("GI bleeding"))] == "possible"  # the own notes mark hypotheticals possible
