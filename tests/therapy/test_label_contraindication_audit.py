"""The contraindication audit (issue 13), as a CI test: every contraindicated combination the KB claims, and every
US-label contraindicated pair of tests/therapy/data/label_contraindications.yaml, typed as a user types it, resolves
to its two drugs and is flagged contraindicated. A rule whose drug a typed name no longer reaches (a brand moved, a
form picked in its place) or a label pair the KB grades lower fails here."""

from pathlib import Path

import pytest
import yaml

from medcore.therapy import interactions as ix

LABEL_PAIRS = Path(__file__).parent / "data" / "label_contraindications.yaml"


def _base(kb, drug_id: str) -> str:
    return (kb.lexicon.ingredients.get(drug_id) or {}).get("form_of") or drug_id


def _typed_severity(kb, a: str, b: str):
    """(resolved base ids, top severity of a finding between the two typed names, the unknown names)."""
    rep = ix.check_names(kb, [a, b])
    top = max(rep.findings, key=lambda f: ix.SEVERITY_RANK[f.severity], default=None)
    return ({_base(kb, i) for r in rep.resolved for i in r.ids}, top.severity if top else None,
            [u.query for u in rep.unknown])


def test_every_contraindication_the_kb_claims_is_flagged_when_typed(kb):
    claimed = sorted({tuple(sorted(k)) for k, hits in kb.pairs.items()
                      if any(h.severity == "contraindicated" for h in hits)})
    assert len(claimed) > 1500  # the class rules expanded: a collapse of the expansion fails here too
    missed = []
    for a, b in claimed:
        ids, severity, unknown = _typed_severity(kb, kb.drug_name(a), kb.drug_name(b))
        if unknown or ids != {_base(kb, a), _base(kb, b)} or severity != "contraindicated":
            missed.append((kb.drug_name(a), kb.drug_name(b), sorted(ids), severity))
    assert not missed, missed[:20]


def _label_pairs():
    doc = yaml.safe_load(LABEL_PAIRS.read_text(encoding="utf-8"))
    return [(a, b, g["source"]) for g in doc["groups"] for a, b in g["pairs"]]


def test_the_label_list_is_large_and_sourced():
    pairs = _label_pairs()
    assert len(pairs) >= 150 and all("FDA label" in s for _, _, s in pairs)


@pytest.mark.parametrize("a, b, source", _label_pairs(), ids=lambda v: v if len(str(v)) < 30 else "src")
def test_label_contraindicated_pair_is_flagged(kb, a, b, source):
    ids, severity, unknown = _typed_severity(kb, a, b)
    assert not unknown and len(ids) >= 2, (a, b, unknown)
    assert severity == "contraindicated", (a, b, severity, source)


@pytest.mark.parametrize("a, b", [("rifabutin", "Edurant"), ("Rocephin", "calcium gluconate")])
def test_label_rules_found_by_the_breadth_dev_set(kb, a, b):
    # breadth-s10 (dev) gave no interaction: Edurant label (rilpivirine 50 mg with rifabutin); Rocephin label
    # (contraindicated in neonates with IV calcium; never in one line)
    assert _typed_severity(kb, a, b)[1] == "major"
