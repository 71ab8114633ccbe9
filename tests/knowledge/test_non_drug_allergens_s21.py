"""Session 21 (issue 13): allergens that are not medicines have one home, assets/kb/knowledge/non_drug_allergens.yaml
(medcore/knowledge/allergens.py), read by the treatment planner (non-drug allergies, their sourced drug notes) and
the record summarizer (allergen words in a note). Before, the planner kept them in its shared.yaml and the
summarizer a second, shorter word list in assets/kb/records/rules.yaml."""

from pathlib import Path

import pytest

from medcore import kbyaml
from medcore.knowledge import allergens

ROOT = Path(__file__).resolve().parents[2]


def test_one_home_read_by_both_tools(settings):
    from medcore.records import kb as records_kb
    from medcore.therapy.kb import load_kb_dir

    entries = allergens.load()
    planner = load_kb_dir(ROOT / "assets" / "kb" / "therapy")
    assert set(planner.non_drug_allergens) == {e["id"] for e in entries}
    assert "non_drug_allergens" not in kbyaml.load(ROOT / "assets" / "kb" / "therapy" / "shared.yaml")
    words = allergens.note_words(entries)
    own = kbyaml.load(ROOT / "assets" / "kb" / "records" / "rules.yaml")["allergens"]
    assert not {w.lower() for w in own} & {w.lower() for w in words}  # no word kept twice
    assert records_kb.load(settings).rules["non_drug_allergens"] == words


@pytest.mark.parametrize("note,found", [
    ("ALLERGIES: Shrimp and walnuts.", {"shrimp", "walnuts"}),  # words the planner knew and the summarizer did not
    ("She is allergic to sesame.", {"sesame"}),
    ("ALLERGIES: Latex.", {"latex"}),  # a word both knew: read as before
])
def test_the_summarizer_reads_the_shared_words(settings, note, found):
    from medcore.records import kb as records_kb
    from medcore.records.pipeline import analyze

    got = {a.substance.lower() for a in analyze(note, records_kb.load(settings)).extraction.allergies}
    assert got == found


def test_a_condition_word_is_the_planners_not_a_notes(settings):
    from medcore.records import kb as records_kb
    from medcore.records.pipeline import analyze
    from medcore.therapy.kb import load_kb_dir
    from medcore.therapy.names import resolve_non_drug_allergen

    assert resolve_non_drug_allergen(load_kb_dir(ROOT / "assets" / "kb" / "therapy"), "hay fever") == "environmental"
    note = "ALLERGIES: She denies hay fever, eczema, or latex allergies."
    assert analyze(note, records_kb.load(settings)).extraction.allergies == []
    assert "hay fever" not in allergens.note_words(allergens.load())
