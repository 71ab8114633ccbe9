"""Session 26b: the image tool's sampling and the records, triage and therapy services did not check the user's role
themselves; only the pages did. Each entry point a page calls now checks it (medcore.auth.check_tool), so a page
that forgets its check, or a direct call, still cannot act beyond the role. The user is a required argument (the
system passes medcore.auth.SYSTEM; tests/test_service_user_required_s26.py), and the local user has every role."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore.auth import SYSTEM, AccessDenied, User, check_tool, local_user
from tests.conftest import REPO
from tests.imaging.test_page import generate

STUDENT = User("sam", "student")
CLINICIAN = User("cleo", "clinician")
NOBODY = User("", "none")  # not signed in (ui.auth.ANONYMOUS)


def test_check_tool_follows_the_role_model():
    check_tool(SYSTEM, "imaging")  # the system (CLI)
    check_tool(local_user(), "therapy")
    check_tool(CLINICIAN, "records")
    check_tool(STUDENT, "triage")
    for tool in ("imaging", "records", "therapy"):
        with pytest.raises(AccessDenied, match=f"sam \\(student\\) may not use the {tool} tool"):
            check_tool(STUDENT, tool)


def test_a_student_calling_sampling_directly_is_refused(settings):
    from medcore.imaging.bounded import sample_bounded
    from medcore.imaging.sample import SampleRequest

    # refused before any checkpoint is looked at: the path does not even exist
    with pytest.raises(AccessDenied, match="may not use the imaging tool"):
        sample_bounded(settings, "/nonexistent/ckpt", SampleRequest(n=1), user=STUDENT)


def test_a_student_calling_the_records_service_directly_is_refused(settings, store):
    from medcore.records import service
    from medcore.records.inputs import NoteInput

    note = NoteInput("Plan: walk daily and recheck the blood pressure in a month.", "paste")
    with pytest.raises(AccessDenied, match="may not use the records tool"):
        service.summarize_bounded(note, settings, user=STUDENT)
    with pytest.raises(AccessDenied, match="may not use the records tool"):
        service.summarize_input(note, settings, user=STUDENT, store=store.as_user(STUDENT), with_narrative=False)
    ok = service.summarize_input(note, settings, user=CLINICIAN, store=store.as_user(CLINICIAN), with_narrative=False)
    assert ok.analysis is not None


def test_a_student_calling_the_therapy_service_directly_is_refused(settings, store):
    from medcore.therapy import service

    with pytest.raises(AccessDenied, match="may not use the therapy tool"):
        service.make(settings, {"age": 50, "sex": "female"}, "hypertension", store=store.as_user(STUDENT),
                     user=STUDENT)
    assert not [e for e in store.audit_events(tool="therapy") if e["action"] == "plan"]


def test_the_triage_entry_points_refuse_a_user_who_is_not_signed_in():
    from medcore.triage import chat
    from medcore.triage.service import TriageEngine

    step = lambda engine, state, text: {**state, "said": text}  # noqa: E731 - a stand-in transition
    assert chat.turn(None, {}, step, "my knee hurts", user=STUDENT) == {"said": "my knee hurts"}  # students may
    with pytest.raises(AccessDenied, match="may not use the triage tool"):
        chat.turn(None, {}, step, "my knee hurts", user=NOBODY)
    with pytest.raises(AccessDenied, match="may not use the triage tool"):
        TriageEngine.one_shot(object(), "my knee hurts", user=NOBODY)  # refused before the engine is touched


@pytest.fixture
def shared_mode(settings, monkeypatch, store):
    config.set_option("server.address", "0.0.0.0")  # the autouse fixture sets it back afterwards
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    return store


def test_a_page_that_forgot_its_check_is_still_refused_by_the_service(shared_mode, settings, tiny_run, monkeypatch):
    """The image page with its own role check switched off: Generate, as a student, is refused by sampling itself,
    with the plain message, and no images appear."""
    _, run = tiny_run
    shared_mode.register_model("imaging", "tiny-test", str(run), config={"model": "ddpm", "size": 16},
                               metrics={"steps": 6}, activate=True)
    import ui.auth

    monkeypatch.setattr(ui.auth, "require_page", lambda tool: None)
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120)
    at.session_state["_signed_in_user"] = STUDENT
    at.run()
    assert not at.exception, at.exception
    at.number_input[0].set_value(2)
    generate(at)
    assert not at.exception, at.exception
    said = " ".join(str(e.value) for e in at.error)
    assert "sam (student) may not use the imaging tool." in said, said
    assert not [s for s in at.success if "synthetic images" in str(s.value)]
