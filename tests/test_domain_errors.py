"""One error format: every engine API entry point, given input of the wrong shape, either answers or raises
its tool's domain error (a ValueError subclass) whose message names the problem in words, never a bare
TypeError/AttributeError/KeyError/IndexError and never a Python type name. Issue 14."""

from __future__ import annotations

from medcore.auth import SYSTEM

import math
from functools import lru_cache

import pytest

from medcore.config import Settings

# Wrong shapes a caller (a page, a JSON file, a hand-off) can pass where text or an object is expected.
GARBAGE = {
    "None": None,
    "int": 7,
    "bool": True,
    "nan": math.nan,
    "list": ["chest pain", 3],
    "dict": {"text": {"nested": [None, {"x": b"\x00"}]}},
    "bytes": b"\xff\xfe\x00binary\x00",
    "empty": "",
    "nested": [[[{}]]],
}
# Words that show a Python internal reached the person instead of a sentence about their input.
TYPE_WORDS = ("NoneType", "'int'", "'list'", "'dict'", "'float'", "'bytes'", "object has no attribute",
              "not subscriptable", "not iterable", "unhashable", "Traceback")


@lru_cache(maxsize=1)
def _settings() -> Settings:
    return Settings.load(secrets={})


@pytest.fixture(scope="module", autouse=True)
def _env(tmp_path_factory):
    import os

    from tests.conftest import REPO

    d = tmp_path_factory.mktemp("domain-errors")
    old = {k: os.environ.get(k) for k in ("MEDCORE_DATA_DIR", "MEDCORE_KNOWLEDGE_CACHE_DIR",
                                           "MEDCORE_LLM_BACKEND", "MEDCORE_DATABASE_URL")}
    os.environ.update(MEDCORE_DATA_DIR=str(d), MEDCORE_LLM_BACKEND="template",
                      MEDCORE_KNOWLEDGE_CACHE_DIR=str(REPO / ".data" / "test-knowledge-cache"),
                      MEDCORE_DATABASE_URL=f"sqlite:///{d / 'test.db'}")
    _settings.cache_clear()
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    _settings.cache_clear()


def _outcome(fn, domain: tuple[type[Exception], ...]) -> str | None:
    """None when fn answered or refused plainly; otherwise what leaked."""
    try:
        fn()
    except domain as exc:
        msg = str(exc)
        if not msg.strip() or any(w in msg for w in TYPE_WORDS):
            return f"{type(exc).__name__} with an internal message: {msg[:120]!r}"
        return None
    except Exception as exc:  # noqa: BLE001 - the point of the test: anything else is a leak
        return f"{type(exc).__name__}: {str(exc)[:120]}"
    return None


def _sweep(calls: dict[str, callable], domain) -> list[str]:
    leaks = []
    for name, make in calls.items():
        for gname, g in GARBAGE.items():
            why = _outcome(lambda: make(g), domain)
            if why:
                leaks.append(f"{name}({gname}): {why}")
    return leaks


def test_records_entry_points_refuse_wrong_shapes():
    from medcore.records import kb as kb_mod
    from medcore.records.inputs import InputError, from_paste, from_upload
    from medcore.records.pipeline import analyze
    from medcore.records.service import summarize_input

    s = _settings()
    kb = kb_mod.load(s)
    calls = {
        "from_paste": lambda g: from_paste(g, s),
        "from_upload.name": lambda g: from_upload(g, b"a note", s),
        "from_upload.data": lambda g: from_upload("note.txt", g, s),
        "analyze": lambda g: analyze(g, kb),
        "summarize_input": lambda g: summarize_input(g, s, user=SYSTEM, with_narrative=False),
    }
    leaks = _sweep(calls, (InputError,))
    assert not leaks, "\n".join(leaks)


@lru_cache(maxsize=1)
def _triage_engine():
    from medcore.triage.service import TriageEngine

    return TriageEngine.from_settings(_settings(), use_embeddings=False, use_blend=False)


def test_triage_entry_points_refuse_wrong_shapes():
    from medcore.triage import chat
    from medcore.triage.contract import triage_one
    from medcore.triage.input_checks import InputError

    eng = _triage_engine()
    calls = {
        "one_shot.text": lambda g: eng.one_shot(g),
        "one_shot.age": lambda g: eng.one_shot("I have a cough", g, None),
        "one_shot.sex": lambda g: eng.one_shot("I have a cough", 40, g),
        "read_text": lambda g: eng.read_text(g),
        "result.answers": lambda g: eng.result(g, 40, "female"),
        "triage_one.text": lambda g: triage_one(eng, g),
        "triage_one.age": lambda g: triage_one(eng, "my head hurts", g, None),
        "chat.user_message.text": lambda g: chat.user_message(eng, chat.new_state(), g),
        "chat.user_message.state": lambda g: chat.user_message(eng, g, "my head hurts"),
        "chat.answer.value": lambda g: chat.answer(eng, chat.new_state(), g),
        "chat.restore": lambda g: chat.restore(eng, g),
        "chat.set_demographics.age": lambda g: chat.set_demographics(eng, chat.new_state(), g, "male"),
        "chat.set_demographics.sex": lambda g: chat.set_demographics(eng, chat.new_state(), 30, g),
        "chat.new_state.mode": lambda g: chat.new_state(g),
    }
    leaks = _sweep(calls, (InputError,))
    assert not leaks, "\n".join(leaks)


def test_therapy_entry_points_refuse_wrong_shapes():
    from medcore.therapy.planner import PlanError
    from medcore.therapy.profile import ProfileError, parse_patient
    from medcore.therapy.service import make

    s = _settings()
    ok = {"age": 50, "sex": "female", "weight_kg": 70, "height_cm": 165, "creatinine_mg_dl": 1.0}
    calls = {
        "parse_patient": lambda g: parse_patient(g),
        "parse_patient.age": lambda g: parse_patient({**ok, "age": g}),
        "parse_patient.sex": lambda g: parse_patient({**ok, "sex": g}),
        "parse_patient.weight": lambda g: parse_patient({**ok, "weight_kg": g}),
        "parse_patient.meds": lambda g: parse_patient({**ok, "medications": g}),
        "parse_patient.allergies": lambda g: parse_patient({**ok, "allergies": g}),
        "parse_patient.conditions": lambda g: parse_patient({**ok, "conditions": g}),
        "make.condition": lambda g: make(s, ok, g, user=SYSTEM),
    }
    leaks = _sweep(calls, (ProfileError, PlanError))
    assert not leaks, "\n".join(leaks)


def test_literature_entry_points_refuse_wrong_shapes():
    from medcore.literature.errors import LiteratureInputError
    from medcore.literature.inputs import read_input

    s = _settings()
    calls = {
        "read_input.data": lambda g: read_input(s, g),
        "read_input.filename": lambda g: read_input(s, "A trial of things. Methods: we did it.", g),
    }
    leaks = _sweep(calls, (LiteratureInputError,))
    assert not leaks, "\n".join(leaks)


def test_knowledge_and_qa_entry_points_refuse_wrong_shapes():
    from medcore.knowledge import service as kg
    from medcore.qa import service as qa

    s = _settings()
    calls = {
        "kg.search.text": lambda g: kg.search(s, g, limit=3),
        "kg.search.limit": lambda g: kg.search(s, "asthma", limit=g),
        "kg.show": lambda g: kg.show(s, g),
        "kg.ask": lambda g: kg.ask(s, g),
        "qa.ask.question": lambda g: qa.ask(s, g),
        "qa.ask.context": lambda g: qa.ask(s, "what is asthma?", g),
    }
    leaks = _sweep(calls, (ValueError,))
    assert not leaks, "\n".join(leaks)


def test_imaging_and_upload_entry_points_refuse_wrong_shapes():
    from medcore.imaging.datasets import DatasetError, decode_image
    from medcore.imaging.sample import SampleError, SampleRequest, resolve_class
    from medcore.uploads import UploadError, check_pixels, check_zip, pdf_pages_text

    names = ["glioma", "no tumour"]
    calls = {
        "resolve_class": lambda g: resolve_class(names, g),
        "SampleRequest.n": lambda g: SampleRequest(n=g).validate(),
        "SampleRequest.steps": lambda g: SampleRequest(steps=g).validate(),
        "SampleRequest.guidance": lambda g: SampleRequest(guidance=g).validate(),
        "SampleRequest.sampler": lambda g: SampleRequest(sampler=g).validate(),
        "check_pixels": lambda g: check_pixels(g, 10, 1, 1000),
        "decode_image": lambda g: decode_image("x.png", g),
        "check_zip": lambda g: check_zip(g, 1000, 1000),
        "pdf_pages_text": lambda g: pdf_pages_text(g, max_file_bytes=1000, max_chars=1000),
    }
    leaks = _sweep(calls, (SampleError, UploadError, DatasetError))
    assert not leaks, "\n".join(leaks)


# --- the CLI: a bad file is one plain line on stderr and exit code 2, never a traceback -------------------------

BAD_FILES = {
    "missing": None,
    "directory": "DIR",
    "empty": b"",
    "binary": bytes(range(256)) * 8,
    "json list": b'[1, 2, {"age": null}]',
    "json string": b'"just a string"',
    "json nested": b'{"age": {"years": [40]}, "sex": ["f"], "seed": {"x": 1}, "params": [1]}',
    "bad json": b'{"age": 40,',
}
# commands whose file is any text: a JSON file is a text they read, not a wrong shape
READS_ANY_TEXT = {"literature read"}
COMMANDS = {
    "summarize": ["summarize", "FILE", "--no-narrative"],
    "literature read": ["literature", "read", "FILE", "--rules"],
    "plan": ["plan", "FILE", "--condition", "hypertension"],
    "case ask": ["case", "ask", "does it hurt?", "--case", "FILE"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_cli_commands_refuse_bad_files_in_one_line(command, settings, tmp_path, capsys):
    from medcore.cli import main

    wrong = []
    for kind, content in BAD_FILES.items():
        path = tmp_path / f"bad-{kind.replace(' ', '-')}.json"
        if content == "DIR":
            path.mkdir()
        elif content is not None:
            path.write_bytes(content)
        argv = [str(path) if a == "FILE" else a for a in COMMANDS[command]]
        try:
            rc = main(argv)
        except SystemExit as exc:  # argparse refusing an argument is also one line and exit 2
            rc = exc.code
        out, err = capsys.readouterr()
        err = err.strip()
        if rc == 0 and command in READS_ANY_TEXT and "json" in kind and out.strip():
            continue
        lines = [line for line in err.splitlines() if line.strip()]
        if rc != 2 or not lines or "Traceback" in err or any(w in err for w in TYPE_WORDS) \
                or any(f"{n}:" in err for n in ("TypeError", "AttributeError", "KeyError", "IndexError")):
            wrong.append(f"{kind}: exit {rc}, {err[:160]!r}")
    assert not wrong, "\n".join(wrong)
