from streamlit.testing.v1 import AppTest


def _script():
    import streamlit as st

    from ui.errors import error_boundary

    st.text_input("Note", key="note")
    with error_boundary("summarizing the note"):
        raise ValueError("secret patient detail in the exception")
    st.write("after")


def _stopping_script():
    import streamlit as st

    from ui.errors import error_boundary

    with error_boundary("x"):
        st.write("before stop")
        st.stop()
    st.write("never shown")


def test_error_boundary_shows_a_friendly_message_with_an_id_and_no_traceback(settings, ui_errors_shown, caplog):
    at = AppTest.from_function(_script, default_timeout=60)
    at.run()
    at.text_input[0].input("typed text").run()
    assert not at.exception
    assert len(at.error) == 1
    msg = at.error[0].value
    assert "summarizing the note" in msg and "error id" in msg
    assert "secret patient detail" not in msg and "Traceback" not in msg
    assert at.text_input[0].value == "typed text"  # nothing typed was lost
    assert any(m.value == "after" for m in at.markdown)


def test_error_boundary_lets_st_stop_through(settings):
    at = AppTest.from_function(_stopping_script, default_timeout=60).run()
    assert not at.exception and not at.error
    texts = [m.value for m in at.markdown]
    assert "before stop" in texts and "never shown" not in texts


def test_in_tests_the_boundary_shows_the_same_message_and_re_raises(settings):
    """tests/conftest.py turns MEDCORE_RAISE_UI_ERRORS on: a page test that checks `not at.exception` now sees
    an error the boundary caught; the person sees the same message as in the app."""
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert at.exception  # its text is redacted by Streamlit's showErrorDetails setting; the log has it
    assert len(at.error) == 1 and "Something went wrong while summarizing the note" in at.error[0].value


def test_a_page_whose_engine_raises_fails_its_page_test(settings, monkeypatch):
    """The audit's case: the Knowledge page with service.show broken passed test_every_page_renders_..."""
    from pathlib import Path

    from medcore.knowledge import service

    def broken(*args, **kwargs):
        raise RuntimeError("graph unavailable")

    monkeypatch.setattr(service, "show", broken)
    page = Path(__file__).resolve().parent.parent / "pages" / "knowledge.py"
    at = AppTest.from_file(str(page), default_timeout=180).run()
    assert at.exception
    assert any("Something went wrong" in e.value for e in at.error)


def _refusing_script():
    import streamlit as st

    from medcore.therapy.planner import PlanError
    from ui.errors import error_boundary

    st.text_input("Allergies", key="allergies")
    with error_boundary("planning"):
        raise PlanError("allergies must be a list of substances, like ![x](http://evil.example/p.png)")
    st.write("after")


def test_a_domain_error_shows_its_own_sentence_as_text_and_is_not_a_fault(settings):
    """Issue 14 (one error format): a tool's refusal of the person's input is its message, not "Something went
    wrong" with an error id, and it is not re-raised in tests (it is no fault of the code)."""
    at = AppTest.from_function(_refusing_script, default_timeout=60).run()
    at.text_input[0].input("penicillin").run()
    assert not at.exception
    assert len(at.error) == 1
    msg = at.error[0].value
    assert msg.startswith("allergies must be a list of substances") and "Something went wrong" not in msg
    assert "![x](http" not in msg  # shown as text: the image markdown is escaped, nothing is fetched
    assert at.text_input[0].value == "penicillin"
    assert any(m.value == "after" for m in at.markdown)


def test_every_value_error_a_tool_defines_is_the_one_domain_error():
    """A new tool error that subclasses ValueError directly would print as a fault with a type name: it must
    subclass medcore.errors.DomainError."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "medcore"
    stray = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(getattr(b, "id", None) == "ValueError" for b in node.bases):
                if node.name != "DomainError":
                    stray.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name}")
    assert not stray, "subclass medcore.errors.DomainError instead of ValueError: " + ", ".join(stray)
