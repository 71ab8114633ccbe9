"""Issue 11, session 24c (rec24c): a positive test named by the disease it looks for is that disease; a sign's own
site phrase beats the examination heading. Sentences written for these tests."""

from __future__ import annotations

import pytest

from ._read import problems as _problems


def _codes(kb, text: str) -> list[str | None]:
    return [c for _, c, _ in _problems(kb, text)]


@pytest.mark.parametrize("text", [
    "Her HIV test came back positive last spring.",
    "The HIV antibody screen was reactive at the blood bank.",
    "A rapid HIV test was positive at the outreach clinic.",
])
def test_a_positive_test_named_by_its_disease_is_the_disease(kb, text):
    assert "B20" in _codes(kb, text)


@pytest.mark.parametrize("text", [
    "An HIV test was negative in the spring.",
    "We will send an HIV test with the other labs.",
])
def test_a_negative_or_pending_test_is_not_the_disease(kb, text):
    assert "B20" not in _codes(kb, text)
