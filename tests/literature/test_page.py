"""AppTest of the Literature reader page: what it shows (card lines, the highlighted source sentence, the
library, the evidence table) and its messages for bad input. Runs the real reader on the invented sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "literature_reader.py")


@pytest.fixture
def app(settings):
    at = AppTest.from_file(PAGE, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_page_renders_empty(app):
    assert any("Paste, upload or pick a paper" in i.value for i in app.info)
    assert any("library is empty" in i.value for i in app.info)


def test_the_home_demo_is_read_on_arrival(settings):
    at = AppTest.from_file(PAGE, default_timeout=120)
    from medcore.literature.status import demo_payload

    at.session_state["demo"] = {"literature": demo_payload(settings)}
    at.run()
    assert not at.exception and not at.error
    assert any(m.label == "Participants (N)" and m.value == "612" for m in at.metric)
    # the plain-language summary (template backend): written from the reading (session 18), said to be the template
    assert any(t.value.startswith("This randomised controlled trial") and "612 participants" in t.value
               for t in at.text)
    assert any("Written by template" in c.value for c in at.caption)


def test_empty_paste_gives_a_clear_message(app):
    _button(app, "Read pasted text").click()
    app.run()
    assert not app.exception
    assert any("empty" in e.value for e in app.error)


def test_sample_card_lines_trace_to_their_sentence(app, store):
    _button(app, "Read the sample abstract").click()
    app.run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    radios = [r for r in app.radio if r.key and r.key.startswith("lit_r_")]
    assert len(radios) >= 6, "each card section with traced lines is a choice of lines"
    shown = [o for r in radios for o in r.options]
    assert any("semaglutide 14 mg daily" in o for o in shown) and any("RR 1\\.45" in o for o in shown)
    comparator = next(r for r in radios if any(o.startswith("Comparator") for o in r.options))
    comparator.set_value(next(k for k, o in enumerate(comparator.options) if o.startswith("Comparator"))).run()
    assert not app.exception
    src = " ".join(m.value for m in app.markdown if "**Source:**" in m.value)
    assert "sentence 3 · role methods" in src
    highlighted = [h.proto.body for h in app.get("html") if "<mark" in h.proto.body]
    assert len(highlighted) == 1, "the source sentence is highlighted in the paper's text"
    marked = highlighted[0].split("<mark", 1)[1].split(">", 1)[1].split("</mark>")[0]
    assert "sitagliptin 100 mg daily" in marked and marked.startswith("In this double-blind")
    # a line in another section moves the highlight and clears the first choice
    results = next(r for r in radios if any(o.startswith("RR 1") for o in r.options))
    results.set_value(next(k for k, o in enumerate(results.options) if o.startswith("RR 1"))).run()
    marked = [h.proto.body for h in app.get("html") if "<mark" in h.proto.body][0]
    assert "RR 1.45, 95% CI 1.18 to 1.78" in marked
    assert app.radio(key=comparator.key).value is None
    assert store.list_work(kind="paper"), "the paper was saved to the library"


def test_reload_restores_the_paper_and_the_library_and_table_show_it(app, settings):
    _button(app, "Read the sample abstract").click()
    app.run()
    assert not app.exception and not app.error
    title = app.subheader[-2].value if len(app.subheader) > 1 else ""
    ws = app.query_params["ws"]
    again = AppTest.from_file(PAGE, default_timeout=120)
    again.query_params["ws"] = ws
    again.run()
    assert not again.exception
    assert not any("Paste, upload or pick a paper" in i.value for i in again.info), "the paper came back"
    assert any(s.value == title for s in again.subheader)
    # library: the paper is listed; evidence table: a drug the paper studied gives a row and a CSV
    assert any("1 of 1 papers" in c.value for c in again.caption)
    again.text_input(key="lit_et_drug").set_value("semaglutide").run()
    assert not again.exception
    frames = [d.value for d in again.dataframe]
    assert any("citation" in f.columns and len(f) == 1 for f in frames)
    assert again.get("download_button"), "the evidence table downloads as CSV"
    again.text_input(key="lit_et_drug").set_value("warfarin").run()
    assert any("No paper in your library" in i.value for i in again.info)


def test_a_role_corrected_on_the_page_is_kept(app, store):
    _button(app, "Read the sample abstract").click()
    app.run()
    item = app.session_state["lit_current"]
    app.selectbox(key=f"lit_fix_s_{item}").set_value(0)
    app.selectbox(key=f"lit_fix_r_{item}").set_value("results")
    _button(app, "Save role").click()
    app.run()
    assert not app.exception and not app.error
    sent = store.get_work(item).data["result"]["paper"]["sentences"][0]
    assert (sent["role"], sent["role_source"]) == ("results", "correction")
    assert any(f["kind"] == "role" for f in store.list_feedback("literature"))


def test_hostile_paper_text_is_shown_as_text(app):
    hostile = ("[Click here](http://evil.example) ![x](http://evil.example/p.png) **Metformin trial**\n"
               "BACKGROUND: Metformin is used in [type 2 diabetes](http://evil.example).\n"
               "METHODS: We randomised 120 adults with type 2 diabetes to metformin 500 mg daily or placebo.\n"
               "RESULTS: HbA1c fell more with metformin (mean difference -0.6, 95% CI -0.9 to -0.3; p<0.001).\n"
               "CONCLUSIONS: Metformin lowered HbA1c <script>alert(1)</script>.")
    app.text_area(key="lit_text").set_value(hostile)
    _button(app, "Read pasted text").click()
    app.run()
    assert not app.exception and not app.error, [e.value for e in app.error]
    shown = [m.value for m in app.markdown] + [i.value for i in app.info] + [s.value for s in app.subheader]
    shown += [o for r in app.radio for o in r.options]
    assert not any("](http" in x for x in shown), "a paper's link never becomes markdown"
    html = " ".join(h.proto.body for h in app.get("html"))
    assert "<script>" not in html and "&lt;script&gt;" in html


def _upload_page():
    """The page's upload path (AppTest cannot drive st.file_uploader): the bytes and name come from state."""
    import streamlit as st

    from ui.literature_input import read_and_save
    from ui.loaders import get_settings, get_store

    name, data = st.session_state["upload"]
    ids = read_and_save(get_settings(), get_store(), data, name)
    st.write(f"ids: {ids}")


@pytest.mark.parametrize("name,data", [("empty.pdf", b""), ("fake.pdf", b"hello, I am not a PDF at all"),
                                       ("notes.ris", b"\x00\x01\x02 binary junk \xff\xfe")])
def test_bad_uploads_are_refused_with_a_message(settings, store, name, data):
    at = AppTest.from_function(_upload_page, default_timeout=60)
    at.session_state["upload"] = (name, data)
    at.run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and at.error[0].value.strip()
    assert "Traceback" not in at.error[0].value
    assert "ids: None" in " ".join(m.value for m in at.markdown)
    assert store.list_work(kind="paper") == []


EXPORT = """PMID- 90000001
TI  - Invented trial of metformin in type 2 diabetes.
AB  - METHODS: We randomised 200 adults with type 2 diabetes to metformin 500 mg daily or placebo.
      RESULTS: HbA1c fell (mean difference -0.8, 95% CI -1.1 to -0.5; p<0.001). CONCLUSIONS: Metformin helped.
AU  - Doe J
DP  - 2021
TA  - J Invented

PMID- 90000002
TI  - Invented cohort of aspirin after myocardial infarction.
AB  - We followed 3000 adults after myocardial infarction; aspirin use was linked to fewer deaths
      (HR 0.80, 95% CI 0.70 to 0.92).
AU  - Roe K
DP  - 2020
"""


def test_an_export_with_two_papers_is_saved_once_each_even_when_read_twice(settings, store):
    for _ in range(2):
        at = AppTest.from_function(_upload_page, default_timeout=60)
        at.session_state["upload"] = ("export.nbib", EXPORT.encode())
        at.run()
        assert not at.exception and not at.error, [e.value for e in at.error]
    papers = store.list_work(kind="paper")
    assert sorted(p.data["index"]["pmid"] for p in papers) == ["90000001", "90000002"]
    assert all(p.version == 2 for p in papers), "read again: the same items, a new version each"



def test_a_pasted_title_alone_says_the_abstract_is_missing(app):
    """Session 18: a title is not read as a paper; the page says so and shows no question or PICO from it."""
    app.text_area(key="lit_text").set_value("Cold water immersion versus active rest after marathon running")
    _button(app, "Read pasted text").click()
    app.run()
    assert not app.exception
    assert any("abstract is missing" in w.value for w in app.warning)
    assert any(m.label == "Participants (N)" and m.value == "not stated" for m in app.metric)
    assert any("abstract is missing" in t.value for t in app.text)  # the summary says it too
