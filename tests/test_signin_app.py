"""Sign-in as the person sees it: shared mode asks for an account, roles limit the pages, another user's
workspace URL shows nothing, and a server reachable from the network without sign-in serves nothing."""

from __future__ import annotations

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from medcore import auth
from medcore.auth import User
from tests.conftest import REPO


@pytest.fixture
def shared(settings, monkeypatch):
    config.set_option("server.address", "0.0.0.0")
    monkeypatch.setenv("MEDCORE_AUTH", "accounts")
    return settings.replace(auth="accounts")


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.value for e in at.error]
    parts += [m.value for m in at.sidebar.markdown] + [c.value for c in at.sidebar.caption]
    return "\n".join(str(p) for p in parts)


def test_network_address_without_auth_serves_only_the_reason(settings):
    config.set_option("server.address", "0.0.0.0")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert at.error and "no sign-in" in at.error[0].value
    assert not at.text_input  # no page, no form


def test_local_mode_has_no_sign_in_and_says_so(settings):
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert not at.exception
    assert "Local mode" in _texts(at)
    assert not any(t.label == "Password" for t in at.text_input)


def test_shared_mode_requires_sign_in(shared, store):
    auth.add_user(store, "alice", "a long password", "student")
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    at.text_input[0].input("alice")
    at.text_input[1].input("not the password")
    at.button[0].click().run()
    assert at.error and "wrong password" in at.error[0].value
    at.text_input[0].input("alice")
    at.text_input[1].input("a long password")
    at.button[0].click().run()
    assert not at.exception
    assert "Signed in as **alice** (student)" in _texts(at)


def test_a_student_cannot_open_a_clinician_tool(shared):
    at = AppTest.from_file(str(REPO / "pages/record_summarizer.py"), default_timeout=120)
    at.session_state["_signed_in_user"] = User("sam", "student")
    at.run()
    assert at.error and "may not use the records tool" in at.error[0].value


def test_model_lab_is_for_admins_only(shared):
    at = AppTest.from_file(str(REPO / "pages/model_lab.py"), default_timeout=120)
    at.session_state["_signed_in_user"] = User("alice", "clinician")
    at.run()
    assert at.error and "Model lab" in at.error[0].value
    assert not at.button  # no job start, no "make active"


def _ws_page():
    import streamlit as st

    from ui.workspace import load_work, save_work, workspace_id

    st.caption(f"ws={workspace_id()}")
    rec = load_work("chat")
    st.write(f"turns={rec.data['turns'] if rec else []}")
    if st.button("Save"):
        save_work("chat", {"turns": ["Jane Roe, DOB 01/02/1950"]})


def test_workspace_ids_are_minted_and_another_users_url_shows_nothing(shared):
    at = AppTest.from_function(_ws_page, default_timeout=60)
    at.query_params["ws"] = "test"  # a typed, guessable id is replaced
    at.session_state["_signed_in_user"] = User("alice", "clinician")
    at.run()
    ws = at.query_params["ws"]
    ws = ws[0] if isinstance(ws, list) else ws
    assert ws != "test" and len(ws) == 22
    at.button[0].click().run()
    at.run()
    assert "Jane Roe" in _texts(at)

    other = AppTest.from_function(_ws_page, default_timeout=60)
    other.query_params["ws"] = ws  # the same URL, another user
    other.session_state["_signed_in_user"] = User("bob", "clinician")
    other.run()
    assert "Jane Roe" not in _texts(other) and "turns=[]" in _texts(other)

    same = AppTest.from_function(_ws_page, default_timeout=60)
    same.query_params["ws"] = ws
    same.session_state["_signed_in_user"] = User("alice", "clinician")
    same.run()
    assert "Jane Roe" in _texts(same)


def _job_page():
    from ui.jobs_panel import job_panel
    from ui.loaders import get_store
    from medcore import jobs

    job_id = jobs.create_job(get_store(), "demo", "![x](http://tracker.example/?n=Jane) **loud**", ["train", "demo"])
    jobs.request_cancel(get_store(), job_id)
    job_panel(job_id)


def test_a_job_name_from_an_upload_is_shown_as_text_not_markdown(settings, store):
    at = AppTest.from_function(_job_page, default_timeout=60).run()
    md = "\n".join(m.value for m in at.markdown)
    assert "![x](http" not in md and "**loud**" not in md  # escaped: no image fetch, no emphasis
    assert "tracker.example" in md.replace("\\", "")
