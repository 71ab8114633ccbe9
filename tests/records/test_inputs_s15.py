"""Input robustness, session 15 (issue 11's list): text saved as UTF-16/UTF-32 with a byte-order mark is read;
a note of only invisible characters is refused as empty; a damaged Word file and JSON nested absurdly deep are
refused in words (an InputError, exit code 2 from the CLI), never with a Python exception's name."""

from medcore.auth import SYSTEM
import io
import zipfile

import pytest

from medcore.records import inputs
from medcore.records.inputs import InputError

NOTE = "Reason for visit: dry cough since the weekend.\nPlan: steam inhalation, review in a week.\n"


@pytest.mark.parametrize("data", [
    NOTE.encode("utf-16"),  # Python writes the platform's mark (FF FE here) then little-endian units
    b"\xff\xfe" + NOTE.encode("utf-16-le"),
    b"\xfe\xff" + NOTE.encode("utf-16-be"),
    b"\xff\xfe\x00\x00" + NOTE.encode("utf-32-le"),
    b"\xef\xbb\xbf" + NOTE.encode("utf-8"),
])
def test_text_with_a_byte_order_mark_is_decoded_by_its_mark(settings, data):
    note = inputs.from_upload("note.txt", data, settings)
    assert note.text == NOTE and not note.warnings and note.source == "txt"


def test_a_utf16_fhir_document_is_read_too(settings):
    import base64
    import json

    doc = {"resourceType": "DocumentReference",
           "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(NOTE.encode()).decode()}}]}
    note = inputs.from_upload("doc.json", json.dumps(doc).encode("utf-16"), settings)
    assert note.text == NOTE


def test_binary_data_behind_a_byte_order_mark_is_still_refused(settings):
    import random

    junk = random.Random(15).randbytes(4000)
    for mark in (b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"):
        with pytest.raises(InputError, match="binary"):
            inputs.from_upload("x.txt", mark + junk, settings)


def test_a_damaged_utf16_file_is_read_with_a_warning(settings):
    note = inputs.from_upload("x.txt", b"\xff\xfe" + NOTE.encode("utf-16-le") + b"\x00\xd8", settings)
    assert note.text.startswith(NOTE) and note.warnings and "UTF-16-LE" in note.warnings[0]


INVISIBLE = ["\u200b", "\u200b\u200c\u200d", " \ufeff \u2060\n\u00a0\u3000\t", "\u00ad\u200e\u202f", "\x07\x0b "]


@pytest.mark.parametrize("text", INVISIBLE)
def test_a_note_of_only_invisible_characters_is_empty(settings, text):
    with pytest.raises(InputError, match="empty.*invisible"):
        inputs.from_paste(text, settings)
    with pytest.raises(InputError, match="empty|binary"):  # control characters in a file: not text at all
        inputs.from_upload("n.txt", text.encode("utf-8"), settings)


def test_visible_text_among_invisible_characters_is_a_note(settings):
    assert inputs.from_paste("\u200b\u200bcough\u200b", settings).text == "\u200b\u200bcough\u200b"


def test_summarize_refuses_an_invisible_note_built_directly(settings):
    from medcore.records import service

    with pytest.raises(InputError, match="empty"):  # the page restores a saved note without inputs.check_text
        service.summarize_input(inputs.NoteInput("\u200b \u2060", "paste"), settings, user=SYSTEM, with_narrative=False)


def _docx_with(change) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Wheeze on exertion.")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in src.namelist():
            data = change(n, src.read(n))
            if data is not None:
                z.writestr(n, data)
    return out.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DAMAGED = {
    "cut in half": lambda n, d: d[: len(d) // 2] if n == "word/document.xml" else d,
    "unclosed root": lambda n, d: d.replace(b"</w:document>", b"") if n == "word/document.xml" else d,
    "foreign root": lambda n, d: b"<?xml version='1.0'?><other/>" if n == "word/document.xml" else d,
    "no body": lambda n, d: b"<?xml version='1.0'?><w:document " + _W + b"/>" if n == "word/document.xml" else d,
    "foreign content types": lambda n, d: b"<?xml version='1.0'?><other/>" if n == "[Content_Types].xml" else d,
    "no main part": lambda n, d: None if n == "word/document.xml" else d,
    "damaged styles": lambda n, d: b"<unclosed" if n == "word/styles.xml" else d,
    "empty main part": lambda n, d: b"" if n == "word/document.xml" else d,
}


@pytest.mark.parametrize("how", sorted(DAMAGED))
def test_a_damaged_word_file_is_refused_in_words(settings, how):
    with pytest.raises(InputError, match="could not be read as a Word document") as info:
        inputs.from_upload("n.docx", _docx_with(DAMAGED[how]), settings)
    assert "Error" not in str(info.value)  # no exception type names


def _deep_bundle(depth: int) -> bytes:
    return b'{"resourceType": "Bundle", "entry": ' + b"[" * depth + b"]" * depth + b"}"


def test_json_nested_past_the_parser_is_refused_in_words(settings):
    with pytest.raises(InputError, match="nested too deeply"):
        inputs.from_upload("b.json", _deep_bundle(200_000), settings)


@pytest.mark.parametrize("name,data,words", [
    ("deep.json", _deep_bundle(200_000), "nested too deeply"),
    ("bad.docx", _docx_with(DAMAGED["foreign content types"]), "Word document"),
    ("blank.txt", "\u200b\u2060\n".encode(), "empty"),
])
def test_the_cli_answers_a_bad_upload_with_a_sentence_and_exit_code_2(settings, tmp_path, capsys, name, data, words):
    from medcore.cli import main

    path = tmp_path / name
    path.write_bytes(data)
    assert main(["summarize", str(path), "--json", "--no-narrative"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and words in err[0] and "Error:" not in err[0]


def test_the_page_refuses_an_invisible_paste_with_its_message(settings, fast_embed):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "pages" / "record_summarizer.py"),
                           default_timeout=120).run()
    at.text_area(key="rec_input").set_value("\u200b\u200b \u2060")
    next(b for b in at.button if b.label == "Summarize pasted note").click()
    at.run()
    assert not at.exception and any("invisible" in e.value for e in at.error)


# ---- session 16: UTF-16 saved without a byte-order mark is recognised by its NUL bytes and decoded ----

@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_decoded_not_refused(settings, enc):
    note = inputs.from_upload("note.txt", NOTE.encode(enc), settings)
    assert note.text == NOTE and note.source == "txt"


def test_utf16_without_a_mark_with_accents_and_symbols(settings):
    text = "Patient: Zoë Müller, temp 38.2 °C, creatinine 142 µmol/L.\nPlan: review.\n"
    assert inputs.from_upload("n.txt", text.encode("utf-16-le"), settings).text == text


def test_a_utf16_fhir_document_without_a_mark_is_read(settings):
    import base64
    import json

    doc = {"resourceType": "DocumentReference",
           "content": [{"attachment": {"contentType": "text/plain", "data": base64.b64encode(NOTE.encode()).decode()}}]}
    assert inputs.from_upload("doc.json", json.dumps(doc).encode("utf-16-le"), settings).text == NOTE


@pytest.mark.parametrize("data", [
    bytes(range(256)) * 8,  # NULs and controls on both sides of each unit
    b"\x00\x00\x00\x01" * 1000,  # NULs mostly, on both sides
    b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
])
def test_binary_with_nuls_is_still_refused(settings, data):
    with pytest.raises(InputError, match="binary"):
        inputs.from_upload("x.txt", data, settings)


def test_one_sided_nuls_that_decode_to_no_text_are_refused(settings):
    units = b"".join(bytes([b, 0]) for b in [1, 2, 3, 4, 5, 6, 7, 8] * 200)  # control characters as UTF-16
    with pytest.raises(InputError, match="binary"):
        inputs.from_upload("x.txt", units, settings)
