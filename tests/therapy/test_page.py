"""AppTest of the treatment planner page and its Model lab section."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "treatment_planner.py")


@pytest.fixture
def app(settings):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def quick(app):
    """The page with its Quick tools tab open (hidden tabs are not drawn)."""
    app.session_state["tp_input_tab"] = "Quick tools"
    return app.run()


def _fill(at, **values):
    for k, v in values.items():
        widget = {"tp_age": at.number_input, "tp_weight": at.number_input, "tp_scr": at.number_input,
                  "tp_height": at.number_input}.get(k)
        if widget is not None:
            widget(key=k).set_value(v)
        elif k in ("tp_allergies", "tp_medications", "tp_conditions", "tp_genotypes", "tp_stopped_medications"):
            at.text_area(key=k).set_value(v)
        elif k in ("tp_weight_unit", "tp_scr_unit"):
            at.radio(key=k).set_value(v)
        else:
            at.selectbox(key=k).set_value(v)


def _handout(at):
    return next(t for t in at.text_area if t.label == "Patient handout")


def _submit(at):
    next(b for b in at.button if b.label == "Make plan").click()
    at.run()
    assert not at.exception


def test_empty_page_explains(app):
    assert any("Make plan" in i.value for i in app.info)


def test_bad_input_refused_and_kept(app):
    _fill(app, tp_age=200, tp_weight=700, tp_medications="warfarin")
    _submit(app)
    err = " ".join(e.value for e in app.error).replace("\\", "")  # messages are markdown-escaped
    assert "valid range is 0-120" in err and "valid range is 0.5-350 kg" in err
    assert app.number_input(key="tp_age").value == 200  # nothing typed is lost
    assert app.text_area(key="tp_medications").value == "warfarin"


def test_typed_text_in_a_profile_error_shows_as_typed(app):
    _fill(app, tp_age=50, tp_weight=70, tp_medications="warfarin", tp_stopped_medications="![x](http://198.51.100.7/p.png) **rifampin**")
    _submit(app)
    err = " ".join(e.value for e in app.error)
    assert "stopped\\_medications" in err
    assert "![x](" not in err and "**rifampin**" not in err  # no image fetched, no emphasis: shown as text
    assert "\\!\\[x\\]" in err and "\\*\\*rifampin\\*\\*" in err


def test_plan_review_versions_downloads_handout(settings, store):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=84, tp_weight=58, tp_scr=1.2, tp_medications="Advil 400 mg\nsertraline",
          tp_allergies="penicillin (hives)", tp_cond="af_anticoagulation")
    _submit(at)
    md = " ".join(m.value for m in at.markdown)
    assert "apixaban 2.5 mg twice daily" in md
    assert any("major" in w.value for w in at.warning)  # NSAID + anticoagulant
    assert len(at.get("plotly_chart")) >= 1
    # modify with a reason -> a new version and a feedback row
    at.selectbox(key="tp_rev_item").set_value("item1")
    at.radio(key="tp_rev_action").set_value("modify")
    at.run()
    at.number_input(key="tp_rev_dose").set_value(5)
    at.text_input(key="tp_rev_reason").set_value("recheck creatinine was 1.0")
    next(b for b in at.button if b.label == "Apply decision").click()
    at.run()
    assert not at.exception
    plans = store.list_work(kind="plan")
    assert plans and len(store.work_versions(plans[0].id)) >= 2
    fb = store.list_feedback("therapy")
    assert fb and fb[0]["kind"] == "modify" and fb[0]["data"]["drug"] == "apixaban"
    # handout (template backend in tests)
    next(b for b in at.button if b.label == "Write the patient handout").click()
    at.run()
    assert not at.exception
    assert "apixaban" in _handout(at).value
    assert any("Template text" in c.value for c in at.caption)
    # reload restores the plan
    ws = at.query_params.get("ws")
    ws = ws[0] if isinstance(ws, list) else ws
    again = AppTest.from_file(PAGE, default_timeout=120)
    again.query_params["ws"] = ws
    again.run()
    assert not again.exception
    assert any("apixaban 5 mg" in m.value for m in again.markdown)


def test_handoff_import(settings, store):
    store.save_work("handoff", {"problems": [{"name": "hypertension", "assertion": "present"}],
                                "medications": [{"name": "furosemide", "dose": "40", "unit": "mg", "frequency": "daily"}],
                                "allergies": [{"substance": "penicillin", "reaction": "hives"}]},
                    title="Hand-off: test", status="open")
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not any(b.label == "Take this hand-off" for b in at.button)  # drawn only in its open tab
    at.session_state["tp_input_tab"] = "From record summarizer"
    at.run()
    next(b for b in at.button if b.label == "Take this hand-off").click()
    at.run()
    assert not at.exception
    assert "furosemide 40 mg daily" in at.text_area(key="tp_medications").value
    assert store.list_work(kind="handoff", status="open") == []


def test_quick_tools_run_only_in_their_open_tab(app):
    assert not any(s.key == "tp_q_calc" for s in app.selectbox)
    app.session_state["tp_input_tab"] = "Quick tools"
    app.run()
    assert not app.exception and not app.error
    assert any(s.key == "tp_q_calc" for s in app.selectbox)
    assert app.number_input(key="tp_age") is not None  # the form is still drawn, so its values survive the switch


def test_fhir_example_import(app):
    next(b for b in app.button if b.label == "Load example bundle").click()
    app.run()
    assert not app.exception
    assert app.number_input(key="tp_weight").value == 187 and app.radio(key="tp_weight_unit").value == "lb"


def test_pharmcat_tab_is_there_and_waits_for_a_file(app):
    """AppTest cannot upload a file; the import itself is tested in test_pharmcat.py."""
    assert any(t.label == "Import PharmCAT report" for t in app.tabs)
    assert next(b for b in app.button if b.label == "Import genotypes").disabled


def test_lab_section_renders(settings, store):
    store.add_feedback("therapy", "accept", reason="ok", data={"drug": "apixaban", "condition": "af_anticoagulation"})
    at = AppTest.from_string(
        "from ui.loaders import get_settings, get_store\n"
        "import ui.lab_therapy as lab\n"
        "lab.render(get_settings(), get_store())\n", default_timeout=120)
    at.run()
    assert not at.exception
    next(b for b in at.button if b.label == "Run evaluation").click()
    at.run()
    assert not at.exception
    assert any(m.label == "Clinician decisions" and m.value == "1" for m in at.metric)


def test_quick_tools(quick):
    app = quick
    app.selectbox(key="tp_q_calc").set_value("CrCl (Cockcroft-Gault)")
    app.number_input(key="tp_q_age").set_value(60)
    app.selectbox(key="tp_q_sex").set_value("male")
    app.selectbox(key="tp_q_rule").set_value("actual")
    app.number_input(key="tp_q_w").set_value(158.7)
    app.radio(key="tp_q_wu").set_value("lb")
    app.number_input(key="tp_q_scr").set_value(88.42)
    app.radio(key="tp_q_su").set_value("µmol/L")
    next(b for b in app.button if b.label == "Calculate").click()
    app.run()
    assert not app.exception
    assert any("80 mL/min" in s.value for s in app.success)  # 158.7 lb = 72 kg, 88.42 µmol/L = 1 mg/dL
    app.text_area(key="tp_q_ix").set_value("Zocor\nBiaxin\nhydroxyz\nphenelzine")
    next(b for b in app.button if b.label == "Check interactions").click()
    app.run()
    assert not app.exception
    assert any("did you mean" in w.value for w in app.warning)
    assert any("phenelzine" in w.value and "by class only" in w.value for w in app.warning)
    app.text_input(key="tp_q_pgx_drug").set_value("codeine")
    app.selectbox(key="tp_q_pgx_gene").set_value("CYP2D6")
    app.text_input(key="tp_q_pgx_ph").set_value("*1/*1xN")
    next(b for b in app.button if b.label == "Look up").click()
    app.run()
    assert any("avoid" in s.value for s in app.success)


def test_home_demo_payload_runs(settings):
    from medcore.therapy.status import demo_payload

    at = AppTest.from_file(PAGE, default_timeout=120)
    at.session_state["demo"] = {"therapy": demo_payload(settings)}
    at.run()
    assert not at.exception
    assert any("apixaban" in m.value for m in at.markdown)
    assert at.selectbox(key="tp_cond").value == "af_anticoagulation"


def test_quick_interaction_check_shows_typed_names_as_text(quick):
    app = quick
    """A typed name is untrusted: markdown in it (an image, a link) must show as typed, not render."""
    app.text_area(key="tp_q_ix").input("![x](http://example.invalid/p.png)\nwarfarin")
    app.button(key="tp_q_ix_go").click().run()
    shown = [w.value for w in app.warning]
    assert not app.exception
    assert any("\\!\\[x\\]" in w for w in shown), shown
    # an unresolved name: a "not checked" error, never a green "no interactions"
    assert not app.success and any(e.value.startswith("Not checked") and "\\!\\[x\\]" in e.value for e in app.error)


def test_override_above_the_renal_interval_warns_and_the_old_handout_is_removed(settings, store):
    """Issue 13: levofloxacin 750 mg once daily at CrCl 26 warns with its source (on the page and in the
    export), and a handout written before the edit is removed instead of staying under the new plan."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=75, tp_sex="male", tp_weight=65, tp_scr=2.25, tp_cond="cap")
    _submit(at)
    next(b for b in at.button if b.label == "Write the patient handout").click()
    at.run()
    assert "amoxicillin" in _handout(at).value.lower()
    at.selectbox(key="tp_rev_item").set_value("item1")
    at.radio(key="tp_rev_action").set_value("modify")
    at.run()
    at.text_input(key="tp_rev_drug").set_value("levofloxacin")
    at.number_input(key="tp_rev_dose").set_value(750)
    at.selectbox(key="tp_rev_freq").set_value("daily")
    at.text_input(key="tp_rev_reason").set_value("penicillin shortage")
    next(b for b in at.button if b.label == "Apply decision").click()
    at.run()
    assert not at.exception and not at.error
    shown = " ".join(w.value for w in list(at.warning) + list(at.error))
    assert "more often than the renal interval" in shown and "every 48 hours" in shown and "Levaquin" in shown
    assert not [t for t in at.text_area if t.label == "Patient handout"]
    assert any("plan changed after the patient handout was written" in i.value for i in at.info)
    from medcore.therapy import fhir_io, render

    plan = at.session_state["tp_plan"]
    assert "more often than the renal interval" in render.plan_markdown(plan)
    notes = [n["text"] for e in fhir_io.plan_to_bundle(plan, plan["items"])["entry"]
             for n in e["resource"].get("note", [])]
    assert any("renal interval" in n for n in notes)
    # a new handout is written for the current plan
    next(b for b in at.button if b.label == "Write the patient handout").click()
    at.run()
    assert "levofloxacin" in _handout(at).value.lower()


def test_current_medicine_review_is_shown(settings, store):
    """Issue 13: a CYP2D6 ultrarapid metaboliser on tramadol is told on the page to stop it, with the CPIC source."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=50, tp_sex="male", tp_weight=80, tp_scr=1.0, tp_medications="tramadol 50 mg",
          tp_genotypes="CYP2D6: ultrarapid metabolizer", tp_cond="hypertension")
    _submit(at)
    shown = " ".join(w.value for w in list(at.warning) + list(at.error))
    assert "Current medicine tramadol" in shown and "stop and switch" in shown and "CPIC" in shown


def test_recently_stopped_inducer_is_shown(settings, store):
    """Session 7: rifampin stopped 5 days ago still lowers warfarin's effect; the page says so."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=60, tp_sex="male", tp_weight=80, tp_scr=1.0, tp_medications="warfarin 5 mg daily",
          tp_cond="hypertension")
    at.text_area(key="tp_stopped_medications").set_value("rifampin stopped 5 days ago")
    _submit(at)
    shown = " ".join(w.value for w in list(at.warning) + list(at.error))
    assert "rifampin stopped 5 days ago" in shown and "about 14 days" in shown


def test_unrecognised_medicine_gets_a_not_checked_banner_shown_as_text(settings, store):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=50, tp_sex="male", tp_weight=80, tp_scr=1.0, tp_medications="zzqx_unknown\n![x](http://e/i.png)",
          tp_cond="hypertension")
    _submit(at)
    banner = [e.value for e in at.error if e.value.startswith("Not checked")]
    assert banner and "zzqx\\_unknown" in banner[0] and "\\!\\[x\\]" in banner[0]  # escaped, not rendered
    md = " ".join(m.value for m in at.markdown)
    assert "No allergy, contraindication, interaction" not in md and "could not be checked" in md


def test_course_override_warns_and_typed_reason_is_not_markdown(settings, store):
    """Session 6: the clinician can change the course; a course far beyond the guideline's warns on the page, and
    the reason typed with it is shown as text (no markdown link is rendered)."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=30, tp_sex="female", tp_weight=60, tp_scr=0.7, tp_cond="uti_cystitis")
    _submit(at)
    at.selectbox(key="tp_rev_item").set_value("item1")
    at.radio(key="tp_rev_action").set_value("modify")
    at.run()
    at.text_input(key="tp_rev_drug").set_value("nitrofurantoin")
    at.number_input(key="tp_rev_dose").set_value(100)
    at.selectbox(key="tp_rev_freq").set_value("BID")
    at.text_input(key="tp_rev_duration").set_value("30 days")
    at.text_input(key="tp_rev_reason").set_value("[recurrent](http://example.com) infections")
    next(b for b in at.button if b.label == "Apply decision").click()
    at.run()
    assert not at.exception and not at.error
    shown = " ".join(w.value for w in list(at.warning) + list(at.error))
    assert "course of 30 days is longer than the guideline course" in shown and "5 days" in shown
    md = " ".join(m.value for m in at.markdown)
    assert "nitrofurantoin 100 mg twice daily, oral, 30 days" in md
    assert "(reason: \\[recurrent\\]\\(http" in md  # escaped: shown as typed, not as a link


def test_a_plan_over_the_time_budget_is_stopped_with_a_clear_message(settings, store, monkeypatch):
    """The plan is made in the engine worker pool: over MEDCORE_ENGINE_TIMEOUT_S the worker is stopped and the
    page says so plainly, keeping what was typed (before, plans ran in the server process with no budget)."""
    monkeypatch.setenv("MEDCORE_ENGINE_WORKERS", "1")
    monkeypatch.setenv("MEDCORE_ENGINE_TIMEOUT_S", "0.05")  # less than a fresh worker needs to load the KB
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=84, tp_weight=58, tp_scr=1.2, tp_medications="sertraline", tp_cond="af_anticoagulation")
    _submit(at)
    err = " ".join(e.value for e in at.error)
    assert "longer than the time limit of 0.05 s and was stopped" in err
    assert "Something went wrong" not in err
    assert at.text_area(key="tp_medications").value == "sertraline"
    assert store.list_work(kind="plan") == []


def test_a_pair_not_raised_for_a_skin_form_is_shown_with_its_reason(settings, store):
    """Session 11 wave 2: the plan names the pair it did not raise for a cream, with the reason and source."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=60, tp_sex="male", tp_weight=80, tp_scr=1.0,
          tp_medications="betamethasone valerate cream\nwarfarin 5 mg daily", tp_cond="hypertension")
    _submit(at)
    shown = [t.value for t in at.text]
    assert any("warfarin" in t and "not raised" in t and "applied to the skin" in t and "BNF" in t for t in shown)


def test_override_recheck_shows_the_pairs_not_raised_for_a_cream(settings, store):
    """Issue 13 (session 12): the override re-check names, on the page, the pair it did not raise because a current
    medicine is a skin form, with the reason and source, as the plan does."""
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    _fill(at, tp_age=60, tp_sex="male", tp_weight=80, tp_scr=1.0, tp_cond="cap",
          tp_medications="betamethasone valerate cream")
    _submit(at)
    assert not [t for t in at.text if "Considered, not raised" in t.value]
    at.selectbox(key="tp_rev_item").set_value("item1")
    at.radio(key="tp_rev_action").set_value("modify")
    at.run()
    at.text_input(key="tp_rev_drug").set_value("levofloxacin")
    at.number_input(key="tp_rev_dose").set_value(750)
    at.selectbox(key="tp_rev_freq").set_value("daily")
    at.text_input(key="tp_rev_reason").set_value("penicillin allergy found later")
    next(b for b in at.button if b.label == "Apply decision").click()
    at.run()
    assert not at.exception and not at.error
    shown = [t.value for t in at.text if t.value.startswith("Considered, not raised (route): ")]
    assert len(shown) == 1
    assert "betamethasone + levofloxacin: not raised" in shown[0] and "applied to the skin" in shown[0]
    assert "BNF" in shown[0]
    # and the pair is not shown as an interaction warning
    warned = " ".join(w.value for w in list(at.warning) + list(at.error) + list(at.info))
    assert "betamethasone + levofloxacin" not in warned
