"""The embedding fallback never decides polarity: a sentence embedding puts 'no trouble passing water' next to 'not
been able to pass any water', so text holding a negation cue is read by exact phrases and the assertion engine only
(triage.lexicon.polarity_free). Uses a recording stand-in for MiniLM: what matters is what reaches the index."""

from __future__ import annotations

import numpy as np
import pytest

from medcore.triage.lexicon import polarity_free


class _Recorder:
    """Embeds every text as the same unit vector (so nothing wins by a margin) and notes the queries."""

    def __init__(self):
        self.queries: list[str] = []
        self.built = False

    def __call__(self, texts: list[str]) -> np.ndarray:
        if self.built:
            self.queries.extend(texts)
        self.built = True
        return np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (len(texts), 1))


@pytest.fixture(scope="module")
def recording_engine(kb):
    from medcore.config import Settings
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    ecfg, tcfg = load_configs(Settings.load(secrets={}).kb_dir)
    rec = _Recorder()
    return TriageEngine(kb, embed_fn=rec, engine_cfg=ecfg, triage_cfg=tcfg), rec


def test_index_holds_no_phrase_with_a_negation_cue(recording_engine):
    eng, _ = recording_engine
    assert eng.embeddings.phrases and all(polarity_free(p) for p in eng.embeddings.phrases)
    # ... while the lexicon still reads such a synonym exactly
    assert "urinary_retention" in eng.lexicon.ids_of("not been able to pass any water")


@pytest.mark.parametrize("text", ["I feel fine apart from a rash, no trouble passing water",
                                  "my stomach hurts but my toilet habits have not changed"])
def test_a_negated_chunk_is_not_sent_to_the_index(recording_engine, text):
    eng, rec = recording_engine
    rec.queries.clear()
    _, ex = eng.read_text(text)
    assert not any(not polarity_free(q) for q in rec.queries)
    assert not any(m.method == "embedding" for m in ex.mentions if m.finding_id == "urinary_retention")


def test_an_affirmed_unread_chunk_still_reaches_the_index(recording_engine):
    eng, rec = recording_engine
    rec.queries.clear()
    eng.read_text("my whole body feels like lead")
    assert rec.queries, "the fallback must still see affirmed lay phrasings the lexicon does not read"
