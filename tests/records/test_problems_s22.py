"""Issue 11, session 22 (rec22): three general misreadings of the problem list. A negative under the family history
("negative for colon cancer") is the relatives', not the patient's; the autumn ("the fall of 2015") and the name of a
fall-risk form are not falls (W19); the aortic arch alone is anatomy, not the congenital anomaly Q25.4-.
Sentences written for these tests."""

from __future__ import annotations

from ._read import problems as _problems


def test_family_history_negatives_are_not_the_patients(kb):
    got = _problems(kb, "FAMILY HISTORY: Negative for colon cancer, stroke or kidney disease.")
    assert got == []


def test_family_history_positive_stays_family_and_patient_negative_stays(kb):
    got = _problems(kb, "FAMILY HISTORY: Her father had colon cancer.")
    assert [(t, a) for t, _, a in got] == [("colon cancer", "family")]
    # the patient's own negative written under the same heading is still the patient's
    got = _problems(kb, "FAMILY HISTORY: The patient does not smoke.")
    assert [a for _, _, a in got] == ["negated"]


def test_negatives_outside_family_history_kept(kb):
    got = _problems(kb, "PAST MEDICAL HISTORY: No kidney disease.")
    assert [(t, a) for t, _, a in got] == [("kidney disease", "negated")]


def test_autumn_with_a_year_is_not_a_fall(kb):
    assert all(c != "W19.XXXA" for _, c, _ in _problems(kb, "In the fall of 2015 she first noticed the rash."))
    # a fall of some height is still a fall
    assert any(c == "W19.XXXA" for _, c, _ in _problems(kb, "He had a fall of 12 feet from a roof."))


def test_fall_risk_form_name_is_not_a_fall(kb):
    got = _problems(kb, "FALL RISK ASSESSMENT: Done; no history of falls.")
    assert [(t, a) for t, _, a in got] == [("falls", "negated")]


def test_aortic_arch_alone_is_anatomy(kb):
    assert _problems(kb, "The aortic arch is mildly calcified.") == []
    got = [c for _, c, _ in _problems(kb, "An aneurysm of the aortic arch was found.")]
    assert got == ["I71.22"]
    # the anomalies are written with their kind
    assert [c for _, c, _ in _problems(kb, "The scan shows a right aortic arch.")] == ["Q25.47"]


def test_lay_head_noun_reads_as_the_organs_disease(kb):
    # ICD-10-CM index: Trouble / Complaint - see also Disease
    got = _problems(kb, "He denies liver problems, kidney problems or headaches.")
    assert [(t, c, a) for t, c, a in got][:2] == [("liver problems", "K76.9", "negated"),
                                                  ("kidney problems", "N28.9", "negated")]
    assert [(t, c) for t, c, _ in _problems(kb, "Her father has heart trouble.")] == [("heart trouble", "I51.9")]
    assert [c for _, c, _ in _problems(kb, "No inflammatory bowel problems.")] == ["K52.9"]


def test_lay_head_noun_without_an_organ_is_not_a_problem(kb):
    assert _problems(kb, "No other problems or complaints today.") == []
    assert _problems(kb, "Safety issues were discussed with the family.") == []
    # a lay behaviour problem is not a diagnosed behavioural disorder of childhood (F91.9)
    assert _problems(kb, "No behavioral problems at school.") == []


def test_lay_head_noun_reads_only_an_unspecified_code(kb):
    # "sensory disorder" is an inclusion term of an eyelid code (H02.59); a lay "sensory problem" says no such thing
    assert _problems(kb, "No sensory problems in the legs.") == []
    # complaints are symptoms, not a disease
    assert _problems(kb, "She has no respiratory complaints.") == []


def test_personal_history_after_family_history_is_the_patients(kb):
    # without its own section, the patient's negatives ran on under the family history and were dropped there
    got = _problems(kb, "FAMILY HISTORY: Her sister has asthma.,PERSONAL HISTORY: No alcohol or tobacco.")
    assert [(t, a) for t, _, a in got] == [("asthma", "family"), ("alcohol", "negated"), ("tobacco", "negated")]


def test_two_regions_sharing_one_radiculopathy_get_two_codes(kb):
    # ICD-10-CM M54.12 cervical, M54.16 lumbar radiculopathy: each region written is a problem of its own
    got = [(t, c) for t, c, _ in _problems(kb, "She has known cervical and lumbar radiculopathy.")]
    assert got == [("cervical", "M54.12"), ("radiculopathy", "M54.16")]
    assert [c for _, c, _ in _problems(kb, "Lumbar radiculopathy on the left.")] == ["M54.16"]
