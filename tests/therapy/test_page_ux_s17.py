"""AppTest of what a pharmacist sees in the treatment planner when an allergy cannot be read (session 17 UX pass)."""

from streamlit.testing.v1 import AppTest

from tests.therapy.test_page import PAGE, _fill, _submit


def _plan(settings, allergies: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _fill(at, tp_age=40, tp_sex="male", tp_weight=70, tp_scr=1.0, tp_allergies=allergies, tp_cond="cap")
    _submit(at)
    return at


def test_an_allergy_the_planner_cannot_read_is_a_prominent_error(settings, store):
    # "penicillin - hives" (a dash before the reaction) is not read as penicillin: the plan proposes amoxicillin, so
    # the one line saying so must not be a moderate note among many
    at = _plan(settings, "penicillin - hives")
    banner = [e.value.replace("\\", "") for e in at.error if "Allergy not checked" in e.value]
    assert banner and "penicillin - hives" in banner[0] and "as if this allergy were absent" in banner[0]


def test_a_read_allergy_raises_no_banner(settings, store):
    at = _plan(settings, "penicillin (hives)")
    assert not any("Allergy not checked" in e.value for e in at.error)
    assert "amoxicillin" not in " ".join(m.value for m in at.markdown if "proposed" in m.value).lower()
