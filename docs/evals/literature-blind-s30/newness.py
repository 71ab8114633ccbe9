"""Newness check of blind set s30: (1) no PubMedQA PQA-L item (every literature set before s27 was drawn from PQA-L)
reports any of the 20 studies the hand-written abstracts are modelled on: each study is named by two or three
distinctive terms, and an item matches when its question, contexts and answer hold all of them; (2) no study is the
source of an earlier hand-written abstract (assets/literature/abstracts_blind_s27/s28/s29.yaml, the only earlier
such sets): no first author + journal + year of a source repeats, and no earlier title or source holds all of a
study's distinctive terms; (3) no id hw30-NN appears in another annotation file (also checked by
tests/literature/test_blind_written_sets.py). Prints counts only, never text. Run from the repo root:
python docs/evals/literature-blind-s30/newness.py"""

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
TERMS = {
    "hw30-01": ("transcatheter", "aortic", "inoperable"), "hw30-02": ("collaborative care", "depression",
    "cluster"), "hw30-03": ("delirium", "multicomponent", "elder"), "hw30-04": ("oxygen", "myocardial infarction",
    "ambient air"), "hw30-05": ("clostridium difficile", "donor", "duodenal"), "hw30-06": ("aspirin",
    "colorectal cancer", "20-year"), "hw30-07": ("hypothermia", "encephalopathy", "18 months"),
    "hw30-08": ("text messag", "smoking cessation"), "hw30-09": ("periodont", "preterm", "scaling"),
    "hw30-10": ("meningioma", "dental"), "hw30-11": ("tocilizumab", "giant"), "hw30-12": ("computed tomograph",
    "coronary", "stable chest pain"), "hw30-13": ("minor head injury", "decision rule"), "hw30-14": ("laparoscop",
    "colectomy", "colon cancer"), "hw30-15": ("checklist", "surgical", "complications"), "hw30-16": ("fluoride",
    "toothpaste", "caries"), "hw30-17": ("air pollution", "mortality", "six"), "hw30-18": ("cognitive impairment",
    "without dementia", "prevalence"), "hw30-19": ("fodmap", "irritable bowel"), "hw30-20": ("zoledronic",
    "hip fracture"),
}
ALT = {"hw30-01": ("transcatheter", "aortic", "not candidates for surgery"), "hw30-05": ("difficile", "feces",
       "infusion"), "hw30-07": ("cooling", "encephalopathy", "neonat"), "hw30-12": ("ct angiography", "coronary",
       "chest pain"), "hw30-13": ("head injury", "ct", "rule"), "hw30-15": ("checklist", "surgery", "death")}


def _key(source: str) -> str:
    """First author's surname, journal and year of a `source` line ("Lyles KW et al., N Engl J Med 2007;357" ->
    "lyles|n engl j med 2007"); a group name with the first author in brackets keys on the group's first word."""
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
    ours = yaml.safe_load((ROOT / "assets/literature/abstracts_blind_s30.yaml").read_text())["papers"]
    earlier = [p for s in ("s27", "s28", "s29") for p in
               yaml.safe_load((ROOT / f"assets/literature/abstracts_blind_{s}.yaml").read_text())["papers"]]
    old_keys = {_key(p["source"]) for p in earlier}
    same_source = [p["id"] for p in ours if _key(p["source"]) in old_keys]
    same_terms = _hits([(p["title"] + " " + p["source"]).lower() for p in earlier])
    print(f"{len(earlier)} earlier hand-written abstracts (s27, s28, s29); same source: {len(same_source)}; "
          f"title terms shared: {sum(v > 0 for v in same_terms.values())}")
    ids = {p["id"] for p in ours}
    clash = 0
    for f in (ROOT / "tests/literature/annotations").glob("*.yaml"):
        if f.name != "pubmedqa_extract_blind_s30.yaml":
            doc = yaml.safe_load(f.read_text()) or {}
            clash += len(ids & {str(p.get("pmid")) for p in doc.get("papers", []) + doc.get("abstracts", [])})
    print(f"ids hw30-NN found in other annotation files: {clash}")
