"""Output paths and input files the person gives the CLI: one clear line and a non-zero status, never
`error: IsADirectoryError ...` or `error: AttributeError ...` (issue 14). Each check runs before the work."""

from __future__ import annotations

import errno
import json
import os

import pytest

from medcore.cli import main
from medcore.outputs import OutputPathError, check_output_file, check_output_folder, write_output


def _run(argv, capsys) -> tuple[int, str]:
    rc = main(argv)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "Error:" not in err and "Error " not in err, err
    return rc, err.strip()


@pytest.fixture
def note(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Cough and fever for three days. Takes paracetamol 500 mg when needed.")
    return path


@pytest.mark.parametrize("argv", [
    ["summarize", "{note}", "--no-narrative", "--fhir", "{dir}"],
    ["handout", "drug:metformin", "--out", "{dir}"],
    ["handout", "drug:metformin", "--format", "pdf", "--out", "{dir}"],
    ["eval", "case", "--n", "1", "--out", "{dir}"],
    ["eval", "triage", "--out", "{dir}"],
    ["eval", "image", "--out", "{dir}"],
])
def test_an_output_file_that_is_a_folder_is_one_clear_line(settings, note, tmp_path, argv, capsys):
    rc, err = _run([a.format(note=note, dir=tmp_path) for a in argv], capsys)
    assert rc == 2 and err.splitlines()[-1] == (f"error: cannot write {tmp_path}: it is a folder; give a file name "
                                                f"(for example {tmp_path}/out.json)")


@pytest.mark.parametrize("argv", [
    ["summarize", "{note}", "--no-narrative", "--fhir", "{missing}/x.json"],
    ["handout", "drug:metformin", "--out", "{missing}/x.md"],
])
def test_an_output_file_in_a_missing_folder_is_one_clear_line(settings, note, tmp_path, argv, capsys):
    missing = tmp_path / "no-such-folder"
    rc, err = _run([a.format(note=note, missing=missing) for a in argv], capsys)
    assert rc == 2 and err.splitlines()[-1] == f"error: cannot write {missing}/x.{argv[-1].rsplit('.', 1)[-1]}: " \
                                               f"the folder {missing} does not exist"


@pytest.mark.parametrize("argv", [
    ["train", "demo", "--steps", "1", "--out", "{file}"],
    ["train", "triage", "--samples", "5", "--epochs", "1", "--out", "{file}"],
    ["kg", "export", "--format", "csv", "{file}"],
    ["kg", "export", "--format", "graphml", "{file}/g.graphml"],
])
def test_a_run_folder_that_is_a_file_is_one_clear_line(settings, tmp_path, argv, capsys):
    file = tmp_path / "a-file"
    file.write_text("x")
    rc, err = _run([a.format(file=file) for a in argv], capsys)
    assert rc == 2 and err.splitlines()[-1].startswith("error: cannot write ") and \
        f"{file} is a file, not a folder" in err.splitlines()[-1]


def test_a_good_output_path_still_writes(settings, note, tmp_path, capsys):
    rc, _ = _run(["summarize", str(note), "--no-narrative", "--fhir", str(tmp_path / "b.json")], capsys)
    assert rc == 0 and json.loads((tmp_path / "b.json").read_text())["resourceType"] == "Bundle"
    rc, _ = _run(["handout", "drug:metformin", "--out", str(tmp_path / "h.md")], capsys)
    assert rc == 0 and (tmp_path / "h.md").read_text().strip()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere: a permission check needs a normal user")
def test_an_output_file_without_permission_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OutputPathError, match="permission denied"):
            check_output_file(locked / "x.json")
        with pytest.raises(OutputPathError, match="permission denied"):
            check_output_folder(locked / "run")
    finally:
        locked.chmod(0o700)


def test_a_write_that_fails_half_way_is_an_output_path_error(tmp_path, monkeypatch):
    """A full disk at the moment of writing (ENOSPC), said as the reason, with the path."""
    from pathlib import Path

    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Path, "write_text", full)
    with pytest.raises(OutputPathError, match=r"cannot write .*out\.json: No space left on device"):
        write_output(tmp_path / "out.json", "{}")


@pytest.mark.parametrize("content,kind", [("[1, 2]", "list"), ('"a case"', "string"), ("3", "number"),
                                          ("null", "null")])
def test_case_ask_with_a_file_that_is_not_a_case_object(settings, tmp_path, content, kind, capsys):
    path = tmp_path / "case.json"
    path.write_text(content)
    rc, err = _run(["case", "ask", "--case", str(path), "Do you have a fever?"], capsys)
    assert rc == 2 and err == f"error: not a case file: it holds a JSON {kind}, not the object `case new` writes"


@pytest.mark.parametrize("view,why", [({"seed": "eleven"}, "no whole-number 'seed'"), ({}, "no whole-number 'seed'"),
                                      ({"seed": 3, "params": ["x"]}, "'params' are not the filters"),
                                      ({"seed": 3, "params": {"condition": ["x"]}}, "'params' are not the filters")])
def test_case_ask_with_a_case_object_of_the_wrong_shape(settings, tmp_path, view, why, capsys):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(view))
    rc, err = _run(["case", "ask", "--case", str(path), "Do you have a fever?"], capsys)
    assert rc == 2 and err.startswith("error: not a case file: ") and why in err


def test_no_write_permission_is_said_as_such(tmp_path, monkeypatch):
    """The same check under any user: the permission answer is what os.access says."""
    monkeypatch.setattr("medcore.outputs.os.access", lambda path, mode: False)
    with pytest.raises(OutputPathError, match=r"cannot write .*x\.json: permission denied"):
        check_output_file(tmp_path / "x.json")
    with pytest.raises(OutputPathError, match=r"cannot write into .*run: permission denied"):
        check_output_folder(tmp_path / "run")
