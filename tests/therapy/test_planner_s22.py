"""Session 22 (issue 13): a language model's patient handout may not drop a safety line the engine decided (a current
pair that must not be combined, medicines that were not checked): the grounding check (medcore.llm.grounding) now
also requires every must-keep line, word for word, or the template is shown."""

from medcore.llm.grounding import check
from medcore.therapy import handout, render

PATIENT = {"age": 50, "sex": "male", "weight_kg": 80, "scr_mg_dl": 1.0}
MEDS = ["Zocor 40 mg daily", "clarithromycin 500 mg twice daily", "zorblatine 5 mg daily"]


class _Rewriter:
    """A fake language model built in code: returns the handout template with `drop` lines removed and the
    non-safety lines reworded (a faithful rewrite when nothing is dropped)."""
    name, label, local = "fake", "fake model", True

    def __init__(self, drop=lambda line: False):
        self.drop = drop

    def generate(self, prompt, **kw):
        lines = [ln for ln in prompt.template_text.splitlines() if not self.drop(ln)]
        return "\n".join(ln.replace("Things you can do:", "What helps:") for ln in lines)


def _plan(plan_for):
    return plan_for({**PATIENT, "medications": MEDS}, "hypertension").to_dict()


def test_the_handout_lists_unchecked_medicines_and_marks_its_safety_lines(plan_for):
    plan = _plan(plan_for)
    text = render.handout_template(plan)
    keep = render.must_keep_lines(text)
    assert render.CONFLICT_HEAD in keep and render.UNCHECKED_HEAD in keep
    assert "zorblatine 5 mg daily" in keep
    assert any("clarithromycin" in k and "simvastatin" in k for k in keep)
    assert not any(k.startswith("Tell your clinician") for k in keep)  # only the safety sections
    assert render.must_keep_lines(render.handout_template({"condition_name": "Gout"})) == []


def test_a_model_handout_that_drops_the_current_conflict_line_is_not_shown(settings, kb, plan_for, monkeypatch):
    monkeypatch.setattr(handout, "medicine_notes", lambda settings, ids: "")  # the education pages: not the point here
    plan = _plan(plan_for)
    template = render.handout_template(plan)
    faithful = handout.make_handout(settings, kb, plan, backend=_Rewriter())
    assert faithful.source == "model" and "What helps:" in faithful.text
    for drop in (lambda ln: "clarithromycin" in ln and "simvastatin" in ln,  # the conflict line
                 lambda ln: ln == "- zorblatine 5 mg daily",  # an unchecked name
                 lambda ln: ln == render.UNCHECKED_HEAD):  # the "not checked" banner itself
        h = handout.make_handout(settings, kb, plan, backend=_Rewriter(drop))
        assert h.source == "template" and h.text.startswith(template), h.note
        assert "left out 1 safety line" in h.note


def test_the_grounding_check_reads_a_softened_safety_line_as_dropped():
    line = "simvastatin and clarithromycin, which you take now, should not be taken together."
    soft = "Simvastatin and clarithromycin, which you take now, may be taken together."
    names = ["simvastatin", "clarithromycin"]
    r = check(soft, names, names, allowed_text=line, must_keep=[line])
    assert not r.ok and r.dropped == [line] and not r.unsupported
    rewrapped = "Note:\n- Simvastatin and  clarithromycin, which you take now,\nshould not be taken together!"
    assert check(rewrapped, names, names, allowed_text=line, must_keep=[line]).ok
    assert check(soft, names, names, allowed_text=line).ok  # what the check passed before: it only looked for additions


def test_several_rules_mechanisms_and_effects_read_as_sentences_everywhere(kb, plan_for, settings, capsys):
    """clarithromycin + methadone has two rules (CYP3A4 opioid, additive QT): their texts were joined with " | "."""
    import json

    from medcore.cli import main
    from medcore.therapy import interactions as ix

    (f,) = ix.check_names(kb, ["clarithromycin", "methadone"]).findings
    assert f.several and " | " not in f.mechanism + f.effect
    assert f.mechanism.startswith("CYP3A4 inhibition") and f.mechanism.endswith("Additive QT prolongation.")
    assert " | " not in f.contract()["mechanism"]  # the page table's and the JSON contract's (still a string)
    assert main(["interactions", "clarithromycin", "methadone"]) == 0
    out = capsys.readouterr().out
    assert "mechanism: CYP3A4 inhibition" in out and " | " not in out
    assert main(["interactions", "clarithromycin", "methadone", "--json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out)[0]["mechanism"], str)
    plan = plan_for({**PATIENT, "medications": ["clarithromycin 500 mg twice daily", "methadone 10 mg daily"]},
                    "hypertension").to_dict()
    md = render.plan_markdown(plan)
    line = next(ln for ln in md.splitlines() if "current medicines" in ln and "methadone" in ln)
    assert " | " not in line and "Mechanism: CYP3A4 inhibition" in line and ". Management: " in line


def test_otc_throat_and_antacid_names_left_unknown_in_session_17_are_read_from_their_labels():
    from medcore.knowledge.drugs import resolve

    read = {"Dimetapp DM": {"brompheniramine", "dextromethorphan", "phenylephrine"},
            "Rennie Duo": {"calcium-carbonate", "magnesium-carbonate", "sodium-alginate"},
            "Dequacaine": {"benzocaine", "dequalinium"}, "Ultra Chloraseptic": {"benzocaine"},
            "Cepacol Extra Strength": {"benzocaine", "menthol"}}
    for name, want in read.items():
        r = resolve(name)
        assert r.ok and set(r.ingredients) == want, (name, r)
    for family in ("Chloraseptic", "Cepacol"):  # several products with different medicines: asked, never guessed
        r = resolve(family)
        assert not r.ok and r.how == "ambiguous" and r.suggestions, family


def test_a_planned_medicine_with_a_contraindication_or_avoid_warning_is_a_must_keep_line():
    from medcore.therapy.issues import ITEM_CONCERN_PATIENT

    item = {"drug_id": "colchicine", "drug": "colchicine", "dose": 0.5, "unit": "mg", "frequency": "bid",
            "status": "modified", "warnings": [{"severity": "contraindicated", "kind": "interaction", "text": "x"}]}
    mild = dict(item, drug_id="allopurinol", drug="allopurinol", warnings=[{"severity": "moderate", "text": "y"}])
    reviewed = {"condition_name": "Gout", "items": [item, mild]}
    keep = render.must_keep_lines(render.handout_template(reviewed))
    assert keep == [render.ITEM_HEAD, f"colchicine: {ITEM_CONCERN_PATIENT}"]  # the moderate one is not a line
    proposed = {"condition_name": "Gout", "chosen": "o1", "options": [
        {"option_id": "o1", "status": "recommended", "doses": [dict(item, warnings=[])],
         "cautions": [{"severity": "major", "avoid": True, "drugs": ["colchicine", "clarithromycin"], "text": "z"}]}]}
    assert f"colchicine: {ITEM_CONCERN_PATIENT}" in render.must_keep_lines(render.handout_template(proposed))
    draft = render.handout_template(reviewed).replace(f"- colchicine: {ITEM_CONCERN_PATIENT}", "")
    assert check(draft, ["colchicine", "allopurinol"], [], allowed_text=draft, must_keep=keep).dropped


def test_a_current_conflict_labels_its_risk_after_the_management(plan_for):
    """The effect followed the management unlabelled ("... 14-day washout. Serotonin syndrome ...")."""
    plan = plan_for({**PATIENT, "medications": ["phenelzine 15 mg three times daily", "sertraline 50 mg daily"]},
                    "hypertension")
    (c,) = plan.current_conflicts
    assert c.text.index("Management: Do not combine") < c.text.index("Risk: Serotonin syndrome")
    assert "Mechanism: MAO inhibition" in c.text and " | " not in c.text


def test_the_handout_note_quoting_a_dropped_line_shows_it_as_typed():
    """review22: the note quotes a dropped safety line, which can hold an unchecked name as the user typed it; the
    page's caption (st.caption renders Markdown) escapes it, so a typed link is no link."""
    from ui.therapy_tools import handout_caption
    h = {"source": "template", "backend": "template (no language model)",
         "note": 'left out 1 safety line(s) ("[pill](http://x.example) *now*")'}
    cap = handout_caption(h)
    assert "[pill](http" not in cap and "*now*" not in cap and "\\[pill\\]" in cap
    assert handout_caption({"source": "model", "backend": "fake model", "note": ""}).startswith("Phrased by fake model")


def test_a_safety_line_counts_only_inside_its_section_in_any_order():
    """review22: a short must-keep line (an unchecked name) was found anywhere in the text, so a rewrite that dropped
    it from the "not checked" list but named it in a friendly sentence elsewhere passed. A section's lines now count
    after its heading; sections may still come in any order (a model putting the unchecked list first is fine)."""
    from medcore.llm.grounding import dropped_lines
    plan = {"condition_name": "Gout", "unchecked": ["zorblatine 5 mg daily"],
            "current_conflicts": [{"severity": "contraindicated", "drugs": ["phenelzine", "sertraline"]}]}
    template = render.handout_template(plan)
    sections = render.must_keep_sections(template)
    assert [s[0] for s in sections] == [render.CONFLICT_HEAD, render.UNCHECKED_HEAD]
    moved = ("You take zorblatine 5 mg daily, which is fine to keep taking.\n"
             + template.replace("- zorblatine 5 mg daily", ""))
    assert dropped_lines(moved, sections) == ["zorblatine 5 mg daily"]
    assert dropped_lines(moved, render.must_keep_lines(template)) == []  # the flat check passed it
    blocks = template.split("\n\n")
    conflict, unchecked = (next(b for b in blocks if b.startswith(h)) for h in (render.CONFLICT_HEAD,
                                                                                 render.UNCHECKED_HEAD))
    swapped = template.replace(conflict, "@@").replace(unchecked, conflict).replace("@@", unchecked)
    assert swapped != template and dropped_lines(swapped, sections) == []
