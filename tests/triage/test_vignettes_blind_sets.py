"""Shape of the blind triage sets of sessions 22 to 30 (issue 12): each loads through the eval's own loader,
40 one-shot cases (held out: s30, blind now; the others dev: s26 since session 27, s27 since session 28, s28 since session 29, s29 since session 30) balanced over the four levels, each gold diagnosis,
ICD-10 and level the KB's. Format only: no engine runs on them here."""

from __future__ import annotations

from collections import Counter

import pytest


@pytest.mark.parametrize("name,held_out", [# studied in session 23 (s22), 24 (s23), 25 (s24): dev, every case held_out: false
                                           ("vignettes_blind_s22.yaml", False),
                                           ("vignettes_blind_s23.yaml", False),
                                           ("vignettes_blind_s24.yaml", False),
                                           # blind in session 25: scored once before (writer) and once after (coordinator)
                                           ("vignettes_blind_s25.yaml", False),
                                           # blind in session 26, scored once before and once after; studied in session 27: dev
                                           ("vignettes_blind_s26.yaml", False),
                                           # blind in session 27, scored once before and once after; studied in session 28: dev
                                           ("vignettes_blind_s27.yaml", False),
                                           # blind in session 28, scored once before and once after; studied in session 29: dev
                                           ("vignettes_blind_s28.yaml", False),
                                           # blind in session 29: scored once before (writer) and once after (coordinator)
                                           ("vignettes_blind_s29.yaml", False),
                                           # blind in session 30: scored once before (writer) and once after (coordinator)
                                           ("vignettes_blind_s30.yaml", True)])
def test_blind_set_loads_forty_balanced_cases_with_the_kbs_codes(kb, name, held_out):
    from medcore.config import Settings
    from medcore.triage.evaluate import load_vignettes

    vs = load_vignettes(Settings.load(secrets={}).kb_dir, kb, files=name)
    assert len(vs) == 40 and all(bool(v["held_out"]) == held_out for v in vs)
    assert Counter(v["triage"] for v in vs) == {"emergency": 10, "urgent": 10, "routine": 10, "self_care": 10}
    for v in vs:
        c = kb.condition(v["diagnosis"])
        assert (c.icd10, c.triage) == (v["icd10"], v["triage"]), v["id"]
        assert not set(v["present"]) & set(v.get("absent", [])), v["id"]
