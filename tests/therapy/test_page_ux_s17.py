"""AppTest of what a pharmacist sees in the treatment planner when an allergy cannot be read (session 17 UX pass)."""

from streamlit.testing.v1 import AppTest

from tests.therapy.test_page import PAGE, _fill, _submit


def _plan(settings, allergies: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    _fill(at, tp_age=40, tp_sex="male", tp_weight=70, tp_scr=1.0, tp_allergies=allergies, tp_cond="cap")
    _submit(at)
    return at


def test_an_allergy_the_planner_cannot_read_is_a_prominent_error(settings, store):
    # an allergy the planner cannot read: the plan is made as if it were absent, so the one line saying so must not
    # be a moderate note among many (session 18: read from the plan's unchecked_allergies field)
    at = _plan(settings, "qzxvbt - hives")
    banner = [e.value.replace("\\", "") for e in at.error if "Allergy not checked" in e.value]
    assert banner and "qzxvbt (hives)" in banner[0] and "as if this allergy were absent" in banner[0]


def test_a_dash_before_the_reaction_is_read(settings, store):
    # session 17 showed this one as unread (and proposed amoxicillin); session 18 reads it as penicillin
    at = _plan(settings, "penicillin - hives")
    assert not any("Allergy not checked" in e.value for e in at.error)
    assert "amoxicillin" not in " ".join(m.value for m in at.markdown if "proposed" in m.value).lower()


def test_the_banner_reads_the_field_not_the_warning_wording(monkeypatch):
    import ui.therapy_tools as tt

    shown = []
    monkeypatch.setattr(tt.st, "error", lambda text, **_: shown.append(text))
    worded = {"warnings_by_severity": {"moderate": [{"kind": "input", "text": "allergy 'x' not recognised"}]}}
    tt.unread_allergy_banner(worded)  # a warning's wording alone raises nothing
    assert shown == []
    tt.unread_allergy_banner({"unchecked_allergies": ["qzxvbt (hives)"], "warnings_by_severity": {}})
    assert len(shown) == 1 and "qzxvbt (hives)" in shown[0].replace("\\", "")


def test_a_read_allergy_raises_no_banner(settings, store):
    at = _plan(settings, "penicillin (hives)")
    assert not any("Allergy not checked" in e.value for e in at.error)
    assert "amoxicillin" not in " ".join(m.value for m in at.markdown if "proposed" in m.value).lower()
