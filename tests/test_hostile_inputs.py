"""Property tests (hypothesis) over the text entries and upload parsers: whatever arrives, each either answers
or refuses with its own domain error (a message for the person), never another exception, and within a time
budget. Example counts are small so the suite stays fast; the strategies lean on what has broken before:
control characters, confusables and other scripts, markdown, long runs of one character, broken files."""

from __future__ import annotations

import io
import time
import zipfile
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st

from medcore.config import Settings

PROPS = hsettings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                  derandomize=True)

# Text a person might paste: clinical words, numbers and units, punctuation that regexes care about, markdown,
# other scripts and confusables, control characters, and long runs (the shape of earlier regex stalls).
_WORDS = ["chest pain", "fever", "mg", "BID", "denies", "no", "history of", "MRN:", "DOB", "12/03/2024", "98.6F",
          "BP 120/80", "Dr.", "Patient:", "![x](http://e.example/?n=J)", "<script>", "ｃｈｅｓｔ", "сhest", "…",
          "\x00", "\x1b[31m", "\u202e", "💊", "°", "µg", "1e308", "-5", "NaN", "(", ")", "[", "]", "*", "\n", "\t"]
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(_WORDS), max_size=60).map(" ".join),
    st.tuples(st.sampled_from(["a", " ", ".", "-", "1", "(", ":"]), st.integers(1000, 20000)).map(lambda t: t[0] * t[1]),
)


def _budget(seconds: float):
    class _Timer:
        def __enter__(self):
            self.t0 = time.perf_counter()

        def __exit__(self, *exc):
            took = time.perf_counter() - self.t0
            assert took < seconds, f"took {took:.1f} s, budget {seconds} s"

    return _Timer()


@lru_cache(maxsize=1)
def _settings() -> Settings:
    return Settings.load(secrets={})


@lru_cache(maxsize=1)
def _records_kb():
    from medcore.records import kb

    return kb.load(_settings())


@lru_cache(maxsize=1)
def _triage_engine():
    from medcore.knowledge import load_terminology
    from medcore.triage.config import load_configs
    from medcore.triage.kb import load_kb
    from medcore.triage.service import TriageEngine

    s = _settings()
    ecfg, tcfg = load_configs(s.kb_dir)
    return TriageEngine(load_kb(s.kb_dir), engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(s))


@lru_cache(maxsize=1)
def _therapy_kb():
    from medcore.therapy.kb import load_kb

    return load_kb(_settings())


@given(TEXT)
@PROPS
def test_deidentify_any_text(text):
    from medcore.deid import deidentify

    with _budget(2.0):
        out = deidentify(text, shift_days=-40)
    assert isinstance(out.text, str)


@given(TEXT)
@PROPS
def test_summarizer_reads_any_paste(text):
    from medcore.records.inputs import InputError, from_paste
    from medcore.records.pipeline import analyze

    kb = _records_kb()  # loaded once, outside the budget
    with _budget(8.0):
        try:
            note = from_paste(text, _settings())
        except InputError as exc:
            assert str(exc)
            return
        analysis = analyze(note.text, kb, shift_days=-40)
    assert analysis.summary is not None


@given(st.sampled_from(["note.txt", "note.md", "note.pdf", "note.docx", "note.json", "note", "x.exe"]),
       st.one_of(st.binary(max_size=2000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b'{"resourceType": "Bundle", "entry": [1]}',
                                  b'{"resourceType": "DocumentReference", "content": [{"attachment": '
                                  b'{"contentType": "application/pdf", "data": "!!"}}]}', b"\xff\xfe\x00"])))
@PROPS
def test_note_uploads_answer_or_refuse(name, data):
    from medcore.records.inputs import InputError, from_upload

    with _budget(8.0):
        try:
            note = from_upload(name, data, _settings())
        except InputError as exc:
            assert str(exc)
            return
    assert isinstance(note.text, str)


_AGES = st.one_of(st.none(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                  st.sampled_from(["40", "forty", "", "1e9", "-1"]))


@given(TEXT, _AGES, st.one_of(st.none(), st.sampled_from(["F", "M", "f", "x", "", "female", "🙂"])))
@PROPS
def test_symptom_chat_reads_any_description(text, age, sex):
    from medcore.triage.contract import triage_one

    engine = _triage_engine()
    with _budget(5.0):
        out = triage_one(engine, text, age, sex)
    assert out["triage"] in (None, "emergency", "urgent", "routine", "self_care")
    if out["triage"] is None:
        assert out.get("message")


@given(TEXT)
@example("\x08")  # once an IndexError: nothing was left of the name to compare
@PROPS
def test_planner_drug_names_resolve_or_say_unknown(text):
    from medcore.therapy.names import resolve_drug

    kb = _therapy_kb()
    with _budget(2.0):
        res = resolve_drug(kb, text)
    assert res is not None


@given(TEXT)
@example("7 days, then " * 5000)
@PROPS
def test_course_text_reads_or_says_unknown(text):
    """Session 7: the course of a medicine from its text (duration-dependent interactions)."""
    from medcore.therapy.course import course_days
    from medcore.therapy.profile import stopped_days_ago, without_stop_time

    with _budget(2.0):
        days = course_days(text)
        ago = stopped_days_ago(text)
        without_stop_time(text)
    assert days is None or days >= 0
    assert ago is None or ago >= 0


_JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                     lambda inner: st.one_of(st.lists(inner, max_size=4),
                                             st.dictionaries(st.sampled_from(
                                                 ["genes", "geneReports", "results", "CPIC", "CYP2D6", "HLA-B",
                                                  "sourceDiplotypes", "recommendationDiplotypes", "label",
                                                  "phenotypes", "activityScore", "gene", "diplotypes", "name"]),
                                                 inner, max_size=4)), max_leaves=25)


@given(_JSON)
@PROPS
def test_pharmcat_import_reads_or_refuses(data):
    """Session 7: any JSON as a PharmCAT report is read or refused with PharmcatError, never another exception."""
    from medcore.therapy import pharmcat

    try:
        imp = pharmcat.parse(_therapy_kb(), data)
    except pharmcat.PharmcatError:
        return
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in imp.genotypes.items())


@given(TEXT)
@PROPS
def test_knowledge_questions_answer_or_say_why(text):
    from medcore.knowledge import service

    service.prepare(_settings())  # the graph and matcher are built once, outside the budget
    with _budget(5.0):
        answer = service.ask(_settings(), text)
        hits = service.search(_settings(), text, limit=5)
    assert answer is not None and isinstance(hits, list)


@given(st.binary(max_size=3000))
@PROPS
def test_pdf_reader_refuses_junk_plainly(data):
    from medcore.uploads import UploadError, pdf_pages_text

    with _budget(5.0):
        try:
            pdf_pages_text(b"%PDF-1.4\n" + data, max_file_bytes=2**20, max_chars=10**5)
        except UploadError as exc:
            assert str(exc)


@given(st.lists(st.tuples(st.text(min_size=1, max_size=30), st.binary(max_size=300)), max_size=6,
                unique_by=lambda m: m[0]))
@PROPS
def test_image_zip_import_answers_or_refuses(members):
    from medcore.imaging.datasets import DatasetError, import_zip

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members:
            try:
                zf.writestr(name.replace("\x00", "_"), data)
            except (ValueError, UnicodeEncodeError):
                continue
    buf.seek(0)
    with _budget(8.0):
        try:
            ds = import_zip(buf, 16, _settings(), name="fuzz.zip")
        except DatasetError as exc:
            assert str(exc)
            return
    assert len(ds.images) > 0


@pytest.mark.parametrize("text", ["a" * 200_000, "(" * 50_000 + ")", "1/" * 30_000, "Dr. " * 20_000])
def test_long_adversarial_notes_stay_linear(text):
    from medcore.deid import deidentify

    with _budget(6.0):
        deidentify(text, shift_days=-40)
