"""status.kb_loads, the one home of the tools' "ready when the knowledge base loads" check: the load errors a tool
names read as not ready, any other error is a bug and propagates (tool_ready shows it), a clean load is ready."""

from __future__ import annotations

import pytest

from medcore.status import kb_loads


class BadKB(Exception):
    pass


def _raises(exc):
    def counts(settings):
        raise exc
    return counts


def test_a_clean_load_is_ready():
    seen = []
    assert kb_loads(seen.append, "the settings", (BadKB,)) is True
    assert seen == ["the settings"]  # the counts are read with the tool's settings


def test_a_named_load_error_is_not_ready():
    assert kb_loads(_raises(BadKB("row 3: source is empty")), None, (BadKB, OSError)) is False
    assert kb_loads(_raises(FileNotFoundError("findings.yaml")), None, (BadKB, OSError)) is False


def test_an_error_the_tool_did_not_name_propagates():
    with pytest.raises(FileNotFoundError):  # records names only its KBError: a missing file is not hidden
        kb_loads(_raises(FileNotFoundError("labs.csv")), None, (BadKB,))
    with pytest.raises(KeyError):
        kb_loads(_raises(KeyError("counts")), None, (BadKB, OSError))
