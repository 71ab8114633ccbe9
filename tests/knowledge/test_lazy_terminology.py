"""The Knowledge page's first render shows a graph concept without the terminology (issue 14: a fresh data folder
builds it, seconds of CPU); its relations are the same as with it, and the terminology only adds codes/synonyms."""

from __future__ import annotations

import pytest

from medcore.knowledge import service


def test_a_graph_concept_is_shown_without_loading_the_terminology(settings, monkeypatch):
    full = service.show(settings, "finding:breathless")
    assert "hpo" in full["concept"]["codes"]  # the terminology's addition, when it is loaded

    def refuse(_settings):
        raise AssertionError("the terminology was loaded")

    monkeypatch.setattr(service, "terminology", refuse)
    lazy = service.show(settings, "finding:breathless", with_terminology=False)
    assert lazy["relations"] == full["relations"] and lazy["counts"] == full["counts"] and lazy["in_graph"]
    assert lazy["concept"]["id"] == full["concept"]["id"] and lazy["concept"]["name"] == full["concept"]["name"]
    assert set(lazy["concept"]["synonyms"]) <= set(full["concept"]["synonyms"])
    assert "hpo" not in lazy["concept"]["codes"]
    # a concept only the terminology holds still needs it
    with pytest.raises(AssertionError, match="terminology was loaded"):
        service.show(settings, "icd10cm:R06.0", with_terminology=False)


def test_terminology_loaded_says_whether_this_process_holds_it(settings, monkeypatch):
    monkeypatch.setattr(service, "_TERMS", {})
    assert service.terminology_loaded(settings) is False
    assert service.terminology(settings) is not None
    assert service.terminology_loaded(settings) is True
