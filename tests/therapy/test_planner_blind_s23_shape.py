"""Shape of the session-23 to -30 planner blind sets (docs/evals/planner-blind-s23/ to -s30/blind.yaml;
the file keeps its session-23 name): what `eval therapy-blind` reads is there, counts and severities are as written,
every item names its source. Reads only the file structure, never scores it (the sets are blind)."""

from pathlib import Path

import pytest
import yaml

EVALS = Path(__file__).resolve().parents[2] / "docs" / "evals"


# per set: the `avoid` count and the (contraindicated, major, moderate, none) counts as written
@pytest.mark.parametrize("folder, avoids, counts", [("planner-blind-s23", 5, [15, 13, 7, 15]),
                                                    ("planner-blind-s24", 6, [15, 13, 7, 15]),
                                                    ("planner-blind-s25", 6, [15, 13, 7, 15]),
                                                    ("planner-blind-s26", 6, [15, 13, 7, 15]),
                                                    ("planner-blind-s27", 6, [12, 13, 10, 15]),
                                                    ("planner-blind-s28", 6, [12, 13, 10, 15]),
                                                    ("planner-blind-s29", 6, [12, 13, 10, 15]),
                                                    ("planner-blind-s30", 6, [12, 13, 10, 15])])
def test_planner_blind_set_shape(folder, avoids, counts):
    data = yaml.safe_load((EVALS / folder / "blind.yaml").read_text(encoding="utf-8"))
    names, pairs = data["names"], data["pairs"]
    assert len(names) == 60 and len({n["name"].lower() for n in names}) == 60
    assert all(n["ingredients"] and all(isinstance(i, str) and i for i in n["ingredients"]) and n["source"]
               for n in names)
    by = {e: [p for p in pairs if p["expect"] == e] for e in ("contraindicated", "major", "moderate", "none")}
    assert sum(map(len, by.values())) == len(pairs) == 50  # no other expect value
    assert [len(by[e]) for e in ("contraindicated", "major", "moderate", "none")] == counts
    assert all(len(p["drugs"]) == 2 and all(p["drugs"]) and p["source"] for p in pairs)
    # `avoid` only where a flag of major or more is expected; no pair typed twice (order-free)
    assert all(p["expect"] in ("major", "contraindicated") for p in pairs if p.get("avoid"))
    assert sum(bool(p.get("avoid")) for p in pairs) == avoids
    assert len({frozenset(d.lower() for d in p["drugs"]) for p in pairs}) == len(pairs)
