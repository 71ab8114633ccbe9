"""KB YAML names each key once per mapping, and the loaders refuse a file that does not.

YAML keeps only the last of two equal keys, so a second block silently drops the first (session 10 lost a QA page's
sections this way). Since session 15 every KB YAML file is read through the one loader `medcore.kbyaml`, which
raises `DuplicateKeyError` (a DomainError, so a ValueError) naming the file, the key and both lines; this checks the
loader, that the tools' loaders go through it, and that the shipped files pass it."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from medcore import kbyaml
from medcore.errors import DomainError

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"


@pytest.mark.parametrize("path", sorted(ASSETS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(ASSETS)))
def test_no_key_twice_in_a_kb_file(path):
    kbyaml.load(path)  # raises DuplicateKeyError naming the key


def test_a_repeated_key_is_refused_with_file_key_and_lines():
    text = "conditions:\n  croup:\n    tests: [{text: a}]\n  croup:\n    outlook: [{text: b}]\n"
    with pytest.raises(kbyaml.DuplicateKeyError) as err:
        kbyaml.loads(text, "conditions_x.yaml")
    msg = str(err.value)
    assert "conditions_x.yaml" in msg and "'croup'" in msg and "line 4" in msg and "line 2" in msg
    assert isinstance(err.value, DomainError) and isinstance(err.value, ValueError)


def test_nested_and_list_mappings_are_checked_and_merge_keys_may_override():
    with pytest.raises(kbyaml.DuplicateKeyError):
        kbyaml.loads("items:\n  - {id: a, source: x, source: y}\n", "f.yaml")
    assert kbyaml.loads("base: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n") == {"base": {"x": 1}, "c": {"x": 2}}
    assert kbyaml.loads("a: 1\nb: {a: 1}\n") == {"a": 1, "b": {"a": 1}}  # the same key in two mappings is fine


def test_invalid_yaml_is_a_domain_error_naming_the_file():
    with pytest.raises(kbyaml.KBYamlError, match="bad.yaml"):
        kbyaml.loads("a: [1, 2\n", "bad.yaml")


def test_the_triage_kb_refuses_a_file_with_a_repeated_key(tmp_path):
    from medcore.triage.kb import KBError, load_kb

    kb = tmp_path / "triage"
    shutil.copytree(ASSETS / "kb" / "triage", kb)
    path = kb / "conditions_self_care.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nconditions:", "\nsource: a second source line\nconditions:", 1)
                    if "\nsource:" in text else "source: x\nsource: y\n" + text, encoding="utf-8")
    with pytest.raises(KBError, match="conditions_self_care.yaml.*duplicate key 'source'"):
        load_kb(kb)


def _yaml_parse_calls(path: Path, root: Path = ROOT) -> list[str]:
    """Calls like yaml.safe_load / yaml.load / yaml.compose in a module: a second home for reading YAML."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id in ("yaml", "_yaml") \
                and node.func.attr in ("safe_load", "load", "full_load", "unsafe_load", "load_all", "safe_load_all",
                                       "compose"):
            out.append(f"{path.relative_to(root)}:{node.lineno} yaml.{node.func.attr}")
    return out


def test_medcore_reads_yaml_only_through_kbyaml():
    found = [hit for p in sorted((ROOT / "medcore").rglob("*.py")) if p.name != "kbyaml.py"
             for hit in _yaml_parse_calls(p)]
    assert found == []


def test_the_scan_finds_a_second_reader(tmp_path):
    p = tmp_path / "m.py"
    p.write_text("import yaml as _yaml\n\ndef f(t):\n    return _yaml.load(t, Loader=_yaml.CSafeLoader)\n")
    assert _yaml_parse_calls(p, tmp_path) == ["m.py:4 yaml.load"]
