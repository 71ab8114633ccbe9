"""Note-type detection (medcore.records.note_types) on notes written for these tests (tests/records/layout_notes.py)."""

import pytest

from medcore.records import note_types
from medcore.records.sections import find_sections
from tests.records import layout_notes as N


def detect(text, kb):
    return note_types.detect(text, find_sections(text, kb.sections))


@pytest.mark.parametrize("name, expected", [("DISCHARGE", "discharge"), ("ED", "ed"), ("CONSULT", "consult"),
                                            ("PROGRESS", "progress"), ("RADIOLOGY", "radiology")])
def test_each_type_is_recognised_with_its_evidence(kb, name, expected):
    nt = detect(getattr(N, name), kb)
    assert nt.name == expected and nt.confident
    assert nt.evidence and nt.score >= note_types.load().min_score
    assert nt.score > nt.runner_up_score


def test_operative_note_and_letter(kb):
    op = ("PREOPERATIVE DIAGNOSIS: Left inguinal hernia.\nPOSTOPERATIVE DIAGNOSIS: Same.\n"
          "PROCEDURE: Open hernia repair with mesh.\nANESTHESIA: General.\nESTIMATED BLOOD LOSS: 10 mL.\n")
    assert detect(op, kb).name == "operative"
    letter = "Dear Dr. Brown,\nThank you for referring this patient with knee pain.\nSincerely,\nA. Surgeon\n"
    assert detect(letter, kb).name == "letter"


def test_a_note_without_headings_or_cues_is_other(kb):
    nt = detect(N.PLAIN, kb)
    assert nt.name == note_types.OTHER and not nt.confident and nt.label == note_types.OTHER_LABEL


def test_a_tie_between_two_types_is_not_decided(kb):
    nt = detect(N.AMBIGUOUS, kb)
    assert nt.name == note_types.OTHER
    assert nt.scores["consult"] == nt.scores["progress"] > 0  # both had evidence; neither wins


def test_a_shared_heading_alone_is_not_enough(kb):
    # "Impression" is used by radiology reports, consults and progress notes alike: weak evidence on its own
    assert detect("Impression: Stable angina.\nPlan: Continue aspirin.\n", kb).name == note_types.OTHER


def test_exact_heading_phrases_do_not_match_inside_longer_headers():
    def has(header, phrase):
        h = note_types.normalise_header(header)
        return note_types.header_has(h, note_types.ngrams(h), note_types.phrase_key(phrase))

    assert has("EXAM:", "= exam") and not has("PHYSICAL EXAM:", "= exam")
    assert has("BRIEF HOSPITAL COURSE:", "hospital course") and not has("HOSPITAL COURSES", "hospital course")
    assert has("ASSESSMENT/PLAN:", "plan") and has("ASSESSMENT/PLAN:", "assessment/plan")


def test_the_kb_is_validated(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("source: x\ntypes:\n  ed:\n    label: ED\n    headings: {ed course: -1}\n", encoding="utf-8")
    with pytest.raises(note_types.NoteTypeKBError, match="positive integer"):
        note_types.load(bad)
    bad.write_text("source: x\ntypes:\n  ed:\n    label: ED\n    cues: {'(unclosed': 2}\n", encoding="utf-8")
    with pytest.raises(note_types.NoteTypeKBError, match="cues"):
        note_types.load(bad)
    kb = note_types.load()
    assert kb.source and {t.name for t in kb.types} >= {"discharge", "ed", "consult", "progress", "radiology"}
