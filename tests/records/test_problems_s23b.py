"""Issue 11, session 23b (rec23b): general causes of false problems on every dev set — a history form's heading in
capitals, normal anatomy or physiology told with a problem's word (the nervous system, the chest's rise and fall,
muscle mass, a distended bladder), abdominal rigidity, and "confused" coded as somnolence. Sentences written for
these tests."""

from __future__ import annotations

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


def test_a_history_forms_heading_in_capitals_is_not_a_problem(kb):
    got = _codes(kb, "HEADACHE HISTORY:, The headache started three days ago.")
    assert got == ["R51.9"]  # the answer's headache, once; not the heading's
    assert _codes(kb, "KNEE PAIN / OSTEOARTHRITIS HISTORY:, Onset last winter.") == []
    assert _codes(kb, "TETANUS STATUS:, Given in 2019.") == []
    # a problem listed in capitals under an ordinary heading stays
    assert _codes(kb, "PAST MEDICAL HISTORY: ASTHMA.") == ["J45.909"]


def test_nervous_system_is_anatomy(kb):
    assert _codes(kb, "NEUROLOGIC: The central nervous system exam is nonfocal.") == []
    assert _codes(kb, "She feels very nervous before flights.") == ["F41.9"]


def test_rise_and_fall_of_the_chest_is_breathing(kb):
    assert _codes(kb, "CHEST: Equal rise and fall with each breath.") == []
    assert "W19.XXXA" in _codes(kb, "He had a fall from a ladder yesterday.")


def test_muscle_mass_and_a_distended_bladder_are_not_lumps_or_bloating(kb):
    assert _codes(kb, "He has kept good muscle mass.") == []
    assert _codes(kb, "Abdomen: soft, with normal muscle mass.") == []  # not the abdomen's mass by its heading
    assert "R19.00" in _codes(kb, "Abdomen: soft, a firm mass in the left flank.")
    assert "R14.0" not in _codes(kb, "Ultrasound: the urinary bladder is markedly distended.")
    assert "R14.0" in _codes(kb, "Her abdomen is distended and tympanic.")


def test_abdominal_rigidity_is_r19_3(kb):
    got = _problems(kb, "ABDOMEN: Soft. No guarding, rigidity or rebound.")
    assert ("R19.30", "negated") in [(c, a) for _, c, a in got]
    assert "M62.89" not in [c for _, c, _ in got]


def test_confused_is_confusion_not_somnolence(kb):
    assert _codes(kb, "GENERAL: Frail man, confused, in no pain.") == ["R41.0"]
    assert _codes(kb, "Overnight she became more confused.") == ["R41.0"]


def test_hyperventilation_as_an_eeg_activation_procedure(kb):
    assert _codes(kb, "EEG: hyperventilation was not performed; photic stimulation gave no driving.") == []
    assert "R06.4" in _codes(kb, "He arrived anxious, with hyperventilation and tingling lips.")
