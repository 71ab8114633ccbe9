"""Every YAML file under assets/ names each key once per mapping: YAML keeps only the last of two equal keys, so
a second block silently drops the first (session 10 lost a QA page's sections this way). One check for every KB
file, since each tool loads its YAML with its own safe_load."""

from __future__ import annotations

import pytest
import yaml

from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def _duplicate_keys(text: str) -> list[str]:
    out, todo = [], [yaml.compose(text, Loader=yaml.SafeLoader)]
    while todo:
        node = todo.pop()
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for k, v in node.value:
                if k.value in seen:
                    out.append(f"{k.value} (line {k.start_mark.line + 1})")
                seen.add(k.value)
                todo.append(v)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return out


@pytest.mark.parametrize("path", sorted(ASSETS.rglob("*.yaml")), ids=lambda p: str(p.relative_to(ASSETS)))
def test_no_key_twice_in_a_kb_file(path):
    assert _duplicate_keys(path.read_text(encoding="utf-8")) == []


def test_the_duplicate_check_can_fail():
    text = "conditions:\n  croup:\n    tests: [{text: a}]\n  croup:\n    outlook: [{text: b}]\n"
    assert _duplicate_keys(text) == ["croup (line 4)"]
