"""Shape of the session-22 planner blind set (docs/evals/planner-blind-s22/blind.yaml): what `eval therapy-blind`
reads is there, every item names its source. Reads only the file's structure, never scores it (the set is blind)."""

from pathlib import Path

import yaml

SET = Path(__file__).resolve().parents[2] / "docs" / "evals" / "planner-blind-s22" / "blind.yaml"


def test_planner_blind_s22_shape():
    data = yaml.safe_load(SET.read_text(encoding="utf-8"))
    names, pairs = data["names"], data["pairs"]
    assert len(names) == 60 and len({n["name"].lower() for n in names}) == 60
    assert all(n["ingredients"] and all(isinstance(i, str) for i in n["ingredients"]) and n["source"] for n in names)
    by = {e: [p for p in pairs if p["expect"] == e] for e in ("contraindicated", "major", "moderate", "none")}
    assert sum(map(len, by.values())) == len(pairs) == 50  # no other expect value
    assert len(by["none"]) == 15 and len(pairs) - len(by["none"]) == 35
    assert all(len(p["drugs"]) == 2 and p["source"] for p in pairs)
    # `avoid` only where a flag of major or more is expected; no pair typed twice
    assert all(p["expect"] in ("major", "contraindicated") for p in pairs if p.get("avoid"))
    assert len({frozenset(d.lower() for d in p["drugs"]) for p in pairs}) == len(pairs)
