"""Session 27 hands-on pass over the treatment planner with odd input: what a person would trip on, as they read it.
(1) An allergy typed with its closing bracket forgotten was not read, so the plan was made as if it were absent and
proposed a penicillin to a patient who wrote "penicillin (anaphylaxis". (2) An empty Age box said "null is not an
age". (3) 30,000 pasted lines were checked one by one for half a minute and listed back in full."""

from streamlit.testing.v1 import AppTest

from medcore.therapy.allergy_text import split_allergy
from medcore.therapy.forms import form_to_patient
from medcore.therapy.profile import MAX_ITEMS, ProfileError, parse_patient
from tests.therapy.test_page import PAGE, _fill, _submit


def _errors(at) -> str:
    return " ".join(e.value for e in at.error).replace("\\", "")  # messages are markdown-escaped


def test_an_allergy_with_its_bracket_left_open_is_read_and_keeps_the_penicillin_out(settings, store):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _fill(at, tp_age=52, tp_sex="female", tp_weight=64, tp_scr=0.9, tp_allergies="amoxicilin (swollen lips",
          tp_cond="cap")
    _submit(at)
    assert "Allergy not checked" not in _errors(at)
    proposed = " ".join(m.value for m in at.markdown if "proposed" in m.value).lower()
    assert proposed and "amoxicillin" not in proposed, proposed


def test_the_open_bracket_reading_keeps_what_cannot_be_a_substance_unread():
    assert split_allergy("sulfa drugs [blistering rash") == ("sulfa drugs", "blistering rash")
    assert split_allergy("codeine (") == ("codeine", "")
    assert split_allergy("((( ")[0] == "(((" and split_allergy(")))")[0] == ")))"  # no substance: reported unread
    assert split_allergy("latex") == ("latex", "")


def test_an_empty_age_box_asks_for_the_age_in_plain_words(settings, store):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _fill(at, tp_sex="male", tp_medications="metformin 500 mg")
    _submit(at)
    err = _errors(at)
    assert "age is required (years)" in err and "null" not in err, err
    assert at.text_area(key="tp_medications").value == "metformin 500 mg"  # nothing typed is lost
    assert "age" not in form_to_patient({"age": None, "sex": "male"})
    try:  # a JSON file that says null still hears about it by name
        parse_patient({"age": None, "sex": "male"})
    except ProfileError as exc:
        assert any("null is not an age" in p for p in exc.problems)


def test_a_runaway_paste_of_medicines_is_refused_in_words_not_checked_for_half_a_minute(settings, store):
    at = AppTest.from_file(PAGE, default_timeout=60).run()
    _fill(at, tp_age=60, tp_sex="male", tp_medications="ramipril 5 mg\n" * 5000)
    _submit(at)
    err = _errors(at)
    assert "medications: 5,000 entries" in err and f"more than the {MAX_ITEMS}" in err, err[:300]
    assert at.text_area(key="tp_medications").value.count("ramipril") == 5000
    patient, _ = parse_patient({"age": 60, "sex": "male", "medications": ["ramipril 5 mg"] * MAX_ITEMS})
    assert len(patient.medications) == MAX_ITEMS  # the limit itself is allowed
