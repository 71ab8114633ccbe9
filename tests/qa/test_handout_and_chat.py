"""Handouts (Markdown, PDF, CLI) and "when to get help" in the chat's own words."""

from __future__ import annotations

import pytest

from medcore.qa import handout
from medcore.triage import result_view
from medcore.triage.kb import LEVEL_RANK
from medcore.triage.rules import LEVEL_TEXT


def test_markdown_handout_is_marked_and_sourced(pages):
    md = handout.page_markdown(pages["condition:gout"])
    assert md.startswith("# ") and "## When to get help" in md and "## Sources" in md
    assert "computer program" in md and "Not medical advice" in md and "Machine-generated" in md
    n_sources = len(pages["condition:gout"].sources())
    assert f"\n{n_sources}. " in md and "[1]" in md


def test_pdf_handout(pages):
    pdf = handout.page_pdf(pages["drug:metformin"])
    assert pdf[:5] == b"%PDF-" and len(pdf) > 1500


def test_cli_handout_md_pdf_and_unknown(settings, tmp_path, capsys):
    from medcore.cli import main

    assert main(["handout", "condition:migraine"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Migraine") and "Not medical advice" in out
    pdf = tmp_path / "m.pdf"
    assert main(["handout", "Glucophage", "--format", "pdf", "--out", str(pdf)]) == 0  # a brand name
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert main(["handout", "drug:not-a-drug"]) == 1
    assert "no education page" in capsys.readouterr().err
    assert main(["handout", "condition:migraine", "--format", "pdf"]) == 2


def test_planner_handout_carries_the_drug_page(settings):
    from medcore.qa.pages import get_page
    from medcore.therapy.handout import medicine_notes

    notes = medicine_notes(settings, ["warfarin", "metformin", "not-in-the-list"])
    page = get_page(settings, "drug:warfarin")
    serious = page.section("side_effects_serious").passages[0].text
    assert serious in notes and "About warfarin:" in notes and "About metformin:" in notes
    assert "machine-generated" in notes and "Not medical advice" in notes


def _typical_result(engine, kb, c):
    answers = {f: "yes" for f, (p, _) in c.likelihoods.items() if p >= 0.5}
    age = {"child": 8, "adult": 35, "older": 75}[max(c.prior, key=c.prior.get)]
    sex = "female" if c.sex["female"] >= c.sex["male"] else "male"
    return engine.result(answers, age, sex, origin={f: "text" for f in answers}, finished=True)


@pytest.fixture(scope="module")
def lexical_engine(triage_kb):
    from medcore.config import Settings
    from medcore.knowledge import load_terminology
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    s = Settings.load(secrets={})
    ecfg, tcfg = load_configs(s.kb_dir)
    return TriageEngine(triage_kb, engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))


def test_when_to_get_help_equals_the_chat_text(pages, triage_kb, lexical_engine):
    """For each condition's typical picture the chat's result heading and 'about' advice are the page's
    words, and every warning sign of the condition that the chat's safety net shows is on the page in a
    safety-net line of the same level or a more acute one (the chat ranks a sign among the conditions it is
    ruling out; the page among all conditions that list it, so it is never calmer)."""
    checked = lines = 0
    for c in triage_kb.conditions:
        res = _typical_result(lexical_engine, triage_kb, c)
        view = result_view.view_for(lexical_engine, res)
        page = pages[f"condition:{c.id}"]
        helps = [p.text for p in page.section("when_to_get_help").passages]
        assert helps[0] == f"{LEVEL_TEXT[c.triage]}."
        if view.about and view.about["id"] == c.id and view.about["seek_help"]:
            assert f"{view.heading}." == helps[0]
            assert view.about["seek_help"] in helps
            checked += 1
        for s in view.safety_net:
            own = [f for f in c.red_flags if triage_kb.finding(f).name.lower() in s["signs"]]
            for f in own:
                sign = triage_kb.finding(f).name.lower()
                line = next((p.text for p in page.section("when_to_get_help").passages
                             if f"finding:{f}" in p.fact_ids and sign in p.text), None)
                assert line is not None, (c.id, s["level"], sign)
                lvl = next(v for v in ("emergency", "urgent") if line.startswith(result_view.IF_SIGN[v]))
                assert LEVEL_RANK[lvl] <= LEVEL_RANK[s["level"]], (c.id, sign, lvl, s["level"])
                assert line.startswith(result_view.IF_SIGN[lvl] + ": ")
                lines += 1
    assert checked >= 60 and lines >= 20


def test_every_warning_sign_is_on_the_page_in_a_chat_line(pages, triage_kb):
    """Each red flag of a condition is on its page in a line the chat would print (its safety-net words);
    a red flag of an emergency condition is always an emergency line."""
    for c in triage_kb.conditions:
        helps = pages[f"condition:{c.id}"].section("when_to_get_help").passages
        for f in c.red_flags:
            name = triage_kb.finding(f).name.lower()
            line = next(p.text for p in helps if f"finding:{f}" in p.fact_ids and name in p.text)
            level = next((lvl for lvl, lead in result_view.IF_SIGN.items() if line.startswith(lead + ": ")), None)
            if level:
                signs = line[len(result_view.IF_SIGN[level]) + 2:-1]
                assert line == result_view.safety_line(level, [signs]), (c.id, f)
            if c.triage == "emergency":
                assert level == "emergency", (c.id, f, line)


def test_a_therapy_alias_finds_the_triage_page(settings):
    from medcore.qa.pages import find_page, get_page

    assert get_page(settings, "condition:cap").concept_id == "condition:pneumonia"  # the planner's id
    assert find_page(settings, "migraine").concept_id == "condition:migraine"
    assert find_page(settings, "Zoloft").concept_id == "drug:sertraline"
    assert find_page(settings, "condition:not-a-condition") is None
