"""The PGx blind-set scorer (medcore/therapy/pgx_blind.py) and the shape of the blind set it reads."""

from pathlib import Path

import yaml

from medcore.therapy import pgx_blind

BLIND = Path(__file__).resolve().parents[2] / "docs" / "evals" / "pgx-blind-s7" / "blind.yaml"
ACTIONS = {"standard", "adjust_dose", "use_alternative", "avoid", "no_recommendation"}


def test_blind_set_shape():
    cases = yaml.safe_load(BLIND.read_text(encoding="utf-8"))["pgx"]
    assert len(cases) >= 30
    assert len({c["id"] for c in cases}) == len(cases)
    for c in cases:
        assert c["action"] in ACTIONS and set(c.get("accept", [])) <= ACTIONS, c["id"]
        assert ("genotypes" in c) != ("gene" in c and "input" in c), c["id"]
        assert c["guideline"].startswith("CPIC"), c["id"]


def test_scorer_counts_a_wrong_expectation_as_wrong(kb):
    right = {"id": "r", "gene": "HLA-B*57:01", "input": "positive", "drug": "abacavir", "action": "avoid"}
    wrong = dict(right, id="w", action="standard")
    report = pgx_blind.run(kb, [right, wrong], errors=True)
    assert report["pgx_exact"] == "1/2" and report["pgx_direction"] == "1/2"
    assert [e["id"] for e in report["pgx_errors"]] == ["w"]


def test_scorer_phenotype_factor_and_unanswered(kb):
    case = {"id": "f", "gene": "CYP2D6", "input": "*1/*41", "drug": "codeine", "phenotype": "Poor Metabolizer",
            "action": "standard"}
    assert pgx_blind.score_case(kb, case)["exact"] is False  # the action is right, the phenotype is not
    unknown = {"id": "u", "gene": "CYP2D6", "input": "no such thing", "drug": "codeine", "action": "standard"}
    s = pgx_blind.score_case(kb, unknown)
    assert s["got"] is None and not s["direction"] and "not recognised" in s["error"]
    report = pgx_blind.run(kb, [unknown])
    assert report["pgx_unanswered"] == 1
