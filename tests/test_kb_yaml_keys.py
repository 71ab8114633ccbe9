"""A curated QA file names each condition, drug and section once: YAML keeps only the last of two equal keys,
so a page's second block would silently drop the first (session 10 found one while writing)."""

from __future__ import annotations

import pytest
import yaml

from .conftest import KB


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


@pytest.mark.parametrize("path", sorted((KB / "qa").glob("*.yaml")), ids=lambda p: p.name)
def test_no_key_twice_in_a_curated_file(path):
    assert _duplicate_keys(path.read_text(encoding="utf-8")) == []


def test_the_duplicate_check_can_fail():
    text = "conditions:\n  croup:\n    tests: [{text: a}]\n  croup:\n    outlook: [{text: b}]\n"
    assert _duplicate_keys(text) == ["croup (line 4)"]
