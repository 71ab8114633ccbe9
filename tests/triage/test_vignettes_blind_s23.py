"""Shape of the session-23 blind triage set (issue 12): it loads through the eval's own loader, 40 held-out
one-shot cases balanced over the four levels, each gold diagnosis, ICD-10 and level the KB's. Format only: the
set is blind and no engine runs on it here."""

from __future__ import annotations

from collections import Counter


def test_blind_s23_loads_forty_balanced_held_out_cases_with_the_kbs_codes(kb):
    from medcore.config import Settings
    from medcore.triage.evaluate import load_vignettes

    vs = load_vignettes(Settings.load(secrets={}).kb_dir, kb, files="vignettes_blind_s23.yaml")
    assert len(vs) == 40 and all(v["held_out"] for v in vs)
    assert Counter(v["triage"] for v in vs) == {"emergency": 10, "urgent": 10, "routine": 10, "self_care": 10}
    for v in vs:
        c = kb.condition(v["diagnosis"])
        assert (c.icd10, c.triage) == (v["icd10"], v["triage"]), v["id"]
        assert not set(v["present"]) & set(v.get("absent", [])), v["id"]
