"""Newness check of blind set s29: (1) no PubMedQA PQA-L item (every literature set before s27 was drawn from PQA-L)
reports any of the 20 studies the hand-written abstracts are modelled on: each study is named by two or three
distinctive terms, and an item matches when its question, contexts and answer hold all of them; (2) no study is the
source of an earlier hand-written abstract (assets/literature/abstracts_blind_s27.yaml and abstracts_blind_s28.yaml,
the only earlier such sets): no first author + journal + year of a source repeats, and no earlier title or source
holds all of a study's distinctive terms; (3) no id hw29-NN appears in an earlier annotation file (also checked by
tests/literature/test_blind_written_sets.py). Prints counts only, never text. Run from the repo root:
python docs/evals/literature-blind-s29/newness.py"""

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
TERMS = {
    "hw29-01": ("metoprolol", "noncardiac surgery"), "hw29-02": ("cannabis", "neuropathic pain"),
    "hw29-03": ("knee replacement", "nonsurgical"), "hw29-04": ("breech", "planned caesarean", "term"),
    "hw29-05": ("folic acid", "neural tube", "recurrence"), "hw29-06": ("secukinumab", "psoriasis"),
    "hw29-07": ("zinc", "macular degeneration", "antioxidant"), "hw29-08": ("factor v leiden", "oral contracept"),
    "hw29-09": ("pulmonary hypertension", "newborn", "serotonin"), "hw29-10": ("glomerular filtration",
    "cardiovascular events", "hospitali"), "hw29-11": ("papillomavirus", "vaccin", "invasive cervical cancer"),
    "hw29-12": ("adverse childhood experiences", "household"), "hw29-13": ("multiparametric", "prostate",
    "template"), "hw29-14": ("tranexamic acid", "meta-analysis", "surg"), "hw29-15": ("coronavirus", "wuhan"),
    "hw29-16": ("azithromycin", "mortality", "children"), "hw29-17": ("peanut", "infants"),
    "hw29-18": ("oral", "intravenous", "bone and joint infection"), "hw29-19": ("bariatric surgery", "mortality",
    "swedish obese"), "hw29-20": ("antenatal corticosteroids", "preterm"),
}
ALT = {"hw29-01": ("metoprolol", "non-cardiac surgery"), "hw29-04": ("breech", "planned cesarean", "term"),
       "hw29-09": ("pulmonary hypertension", "newborn", "ssri"), "hw29-20": ("antenatal steroids", "preterm")}


def _key(source: str) -> str:
    """First author's surname, journal and year of a `source` line ("Ker K et al., BMJ 2012;344:e3054" ->
    "ker|bmj 2012")."""
    head, _, rest = source.partition(",")
    return f"{head.split()[0].lower()}|{rest.split(';')[0].strip().lower()}"


def _hits(texts: list[str]) -> dict[str, int]:
    return {k: sum(any(all(t in x for t in ts) for ts in (terms, ALT.get(k, terms))) for x in texts)
            for k, terms in TERMS.items()}


if __name__ == "__main__":
    data = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text())
    hits = _hits([json.dumps(v).lower() for v in data.values()])
    print(f"{len(data)} PQA-L items; studies with a matching item: {sum(v > 0 for v in hits.values())}",
          {k: v for k, v in hits.items() if v})
    ours = yaml.safe_load((ROOT / "assets/literature/abstracts_blind_s29.yaml").read_text())["papers"]
    earlier = [p for s in ("s27", "s28") for p in
               yaml.safe_load((ROOT / f"assets/literature/abstracts_blind_{s}.yaml").read_text())["papers"]]
    old_keys = {_key(p["source"]) for p in earlier}
    same_source = [p["id"] for p in ours if _key(p["source"]) in old_keys]
    same_terms = _hits([(p["title"] + " " + p["source"]).lower() for p in earlier])
    print(f"{len(earlier)} earlier hand-written abstracts (s27, s28); same source: {len(same_source)}; "
          f"title terms shared: {sum(v > 0 for v in same_terms.values())}")
    ids = {p["id"] for p in ours}
    clash = 0
    for f in (ROOT / "tests/literature/annotations").glob("*.yaml"):
        if f.name != "pubmedqa_extract_blind_s29.yaml":
            doc = yaml.safe_load(f.read_text()) or {}
            clash += len(ids & {str(p.get("pmid")) for p in doc.get("papers", []) + doc.get("abstracts", [])})
    print(f"ids hw29-NN found in other annotation files: {clash}")
