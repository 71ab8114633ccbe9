"""Session 25 hands-on check: a follow-up keeps the last answer's topic only when it asks something; a keyboard
mash after a medicine answer is not answered about that medicine."""

from __future__ import annotations

import pytest

from medcore.qa import service


def _ask(qa, q, context=None):
    settings, eng = qa
    return service.ask(settings, q, context, eng=eng)


@pytest.mark.parametrize("mash", ["qwertyuiop zxcv", "jjjjjjjjjj", "ok ok ok"])
def test_a_mash_after_an_answer_does_not_inherit_its_topic(qa, mash):
    first = _ask(qa, "is it ok to take naproxen if i have asthma")
    assert first.topic, "the first question must find its medicine for this test to mean anything"
    ans = _ask(qa, mash, first.context())
    assert not ans.topic and ans.refused


def test_a_real_follow_up_still_keeps_the_topic(qa):
    first = _ask(qa, "is it ok to take naproxen if i have asthma")
    ans = _ask(qa, "and what are the side effects?", first.context())
    assert [t["id"] for t in ans.topic] == [t["id"] for t in first.topic]
    assert not ans.refused
