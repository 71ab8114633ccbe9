import shutil

import pytest

from medcore.records import kb as kb_mod


def test_every_fact_has_a_source(kb):
    assert all(r.source for r in kb.labs + kb.vitals)
    assert kb.drug_source and all(kb.sources.values())
    assert len(kb.labs) >= 40 and len(kb.drugs) >= 100


def test_status_contract(settings):
    from medcore.records import status

    comps = status.check(settings)
    assert comps and comps[0].ok
    assert status.engine_ready(settings)
    assert status.demo_payload(settings)["note"]


def test_annotated_corpus(settings):
    from medcore.records.corpus import annotated_notes

    notes = annotated_notes(settings)
    assert len(notes) >= 20
    assert sum(n.split == "heldout" for n in notes) >= 4
    kinds = {n.kind for n in notes}
    assert {"discharge summary", "ED note", "progress note", "consult", "radiology report", "clinic letter"} <= kinds
    for n in notes:
        for g in n.phi + n.entities:
            assert n.text[g.start:g.end] == g.text


@pytest.mark.parametrize("fname,content,match", [
    ("lab_ranges.csv", "name,aliases,unit,low,high,source\nsodium,,mmol/L,136,145,\n", "source is empty"),
    ("lab_ranges.csv", "name,aliases,unit,low,high,source\nsodium,,mmol/L,150,145,x\n", "low"),
    ("sections.yaml", "sections: {}\n", "source"),
])
def test_broken_kb_is_reported(tmp_path, fname, content, match):
    root = tmp_path / "records"
    shutil.copytree(kb_mod.Path(__file__).resolve().parents[2] / "assets" / "kb" / "records", root)
    (root / fname).write_text(content)
    kb_mod.load_from.cache_clear()
    with pytest.raises(kb_mod.KBError, match=match):
        kb_mod.load_from(root)
    kb_mod.load_from.cache_clear()


def test_drug_names_come_from_the_knowledge_lexicon(tmp_path):
    kb = kb_mod.load_from(kb_mod.Path(__file__).resolve().parents[2] / "assets" / "kb" / "records")
    names = [d.name for d in kb.drugs]
    plain = [d.name for d in kb.drugs if not d.in_lists_only]
    # one plain entry per drug; a second, in-lists-only entry carries only the generated brand names (session 11)
    assert "semaglutide" in names and plain.count("furosemide") == 1
    forms = {f: d for d in kb.drugs if not d.in_lists_only for f in ((d.name,) * d.name_in_text + d.aliases)}
    assert forms["percocet"].name == "oxycodone/acetaminophen" and forms["frusemide"].name == "furosemide"
    assert forms["nsaids"].is_class and "steroids" not in forms  # only the class words notes use as drugs
    # lab analytes and everyday words are not drug mentions in free text
    assert "potassium" not in forms and "iron" not in forms and "contrast" not in forms and "oxygen" not in forms
    # ... a medication list may still use some alone ("Calcium.", "Soma."), never an everyday word or "contrast"
    listed = {f: d for d in kb.drugs if d.in_lists_only for f in ((d.name,) * d.name_in_text + d.aliases)}
    assert listed["potassium"].name == "potassium chloride" and listed["soma"].name == "carisoprodol"
    assert listed["antibiotics"].is_class and "antibiotics" not in forms
    assert "contrast" not in listed and "has" not in listed and "prep" not in listed
    assert not (kb_mod.Path(__file__).resolve().parents[2] / "assets" / "kb" / "records" / "drugs.yaml").exists()


def test_plain_note_copies_match_the_annotated_text(settings):
    from pathlib import Path

    from medcore.records.corpus import annotated_notes, sample_notes

    for n in annotated_notes(settings):
        plain = Path(n.path).parent.parent / (Path(n.path).stem + ".txt")
        assert plain.read_text(encoding="utf-8") == n.text, f"{plain} is out of date"
    samples = sample_notes(settings)
    assert len(samples) >= 23 and any("not annotated" in k for k in samples)
