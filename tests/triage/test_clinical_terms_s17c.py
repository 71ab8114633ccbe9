"""Clinician-written case summaries (issue 12, session 17, triage17c): the classes of misreading found on the dev
set assets/kb/triage/vignettes_clinical_s17.yaml, each checked on sentences of its own
(tests/triage/data/clinical_terms_s17c.yaml):

- vocabulary: a clinical term the chat did not read ('retrosternal pressure', 'dysphasia', 'coryzal', 'witnessed
  apnoeas'); fixed as sourced `clinical_terms` of the shared terminology (assets/kb/knowledge/finding_hpo.yaml);
- non_prefix: a pertinent negative inside one word ('projectile non-bilious vomiting' had read bile-stained vomit, an
  emergency; 'non-bloody' read blood); fixed as `more_absent_synonyms` of the triage KB;
- embedding: a clinician's phrase with no exact reading went to the embedding guess and came back a red flag
  ('waking her at night' as unresponsive, 'saliva dribbles from the corner of the mouth' as the airway sign);
- misreading: a word read as the wrong finding ('anorexia nervosa' as loss of appetite);
- language: 'non-radiating, non-exertional chest pain' was refused as Italian (two 'non').
Guards keep the new words from reading what they should not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

_ITEMS = yaml.safe_load((Path(__file__).parent / "data" / "clinical_terms_s17c.yaml").read_text(encoding="utf-8"))["items"]
_EMBED = [it for it in _ITEMS if it["class"] == "embedding"]


def _check(engine, item) -> None:
    _, ex = engine.read_text(item["text"])
    ev = engine.closure({k: "yes" if v else "no" for k, v in ex.evidence().items()})
    assert [f for f in item.get("expect", []) if ev.get(f) is not True] == []
    assert [f for f in item.get("absent", []) if ev.get(f) is not False] == []
    assert [f for f in item.get("not", []) if ev.get(f) is True] == []


def test_findings_exist(kb):
    named = {f for it in _ITEMS for k in ("expect", "absent", "not") for f in it.get(k, [])}
    assert named - {f.id for f in kb.findings} == set()


@pytest.mark.parametrize("item", _ITEMS, ids=[f"{it['class']}:{it['text'][:40]}" for it in _ITEMS])
def test_clinical_sentence_reads_its_findings(lexical_engine, item):
    _check(lexical_engine, item)


@pytest.fixture(scope="module")
def app_engine(kb, tmp_path_factory):
    """As the app builds it: the shared terminology's words and the MiniLM embedding index."""
    from medcore.config import Settings
    from medcore.embeddings import embed, minilm_path
    from medcore.knowledge import load_terminology
    from medcore.triage.config import load_configs
    from medcore.triage.service import TriageEngine

    if minilm_path() is None:
        pytest.skip("all-MiniLM-L6-v2 not installed")
    settings = Settings.load(secrets={})
    ecfg, tcfg = load_configs(settings.kb_dir)
    return TriageEngine(kb, embed_fn=embed, cache_dir=tmp_path_factory.mktemp("emb"), engine_cfg=ecfg,
                        triage_cfg=tcfg, terminology=load_terminology(settings))


@pytest.mark.parametrize("item", _EMBED, ids=[it["text"][:40] for it in _EMBED])
def test_clinical_phrase_is_not_guessed_a_red_flag(app_engine, item):
    # with the embedding index on, as in the app: the exact reading keeps the chunk from the guess
    _check(app_engine, item)


def test_a_non_prefix_is_english_not_italian():
    from medcore.triage import input_checks, input_guard

    def kind(text):
        return input_guard.check(input_checks.check_text(text)).kind

    assert kind("Central non-radiating, non-exertional chest pain.") == "ok"
    assert kind("non ho febbre ma non sto bene, mi fa male la testa") == "other_language"


def test_several_clinical_term_entries_for_one_finding_all_count(tmp_path):
    # finding_hpo.yaml may name a finding in several clinical_terms rows (helpers append, each row with its source);
    # every row's terms reach the finding's concept, not only the last row's
    import shutil

    from medcore.config import REPO_ROOT
    from medcore.knowledge.sources.local import finding_concepts

    kb = tmp_path / "kb"
    shutil.copytree(REPO_ROOT / "assets" / "kb" / "triage", kb / "triage")
    shutil.copytree(REPO_ROOT / "assets" / "kb" / "knowledge", kb / "knowledge")
    path = kb / "knowledge" / "finding_hpo.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["clinical_terms"] += [{"finding": "fever", "terms": ["alpha term"], "source": "test row one"},
                              {"finding": "fever", "terms": ["beta term"], "source": "test row two"}]
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    fever = next(c for c in finding_concepts(kb) if c.id == "finding:fever")
    assert {"alpha term", "beta term"} <= set(fever.synonyms)
    assert {"test row one", "test row two"} <= set(fever.sources)
