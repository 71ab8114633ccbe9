"""Newness check of blind set s28: (1) no PubMedQA PQA-L item (every literature set before s27 was drawn from PQA-L)
reports any of the 20 studies the hand-written abstracts are modelled on: each study is named by two or three
distinctive terms, and an item matches when its question, contexts and answer hold all of them; (2) no study is the
source of an earlier hand-written abstract (assets/literature/abstracts_blind_s27.yaml, the only earlier such set):
no first author + journal + year of a source repeats, and no title shares its distinctive terms. Prints counts only,
never text. Run from the repo root: python docs/evals/literature-blind-s28/newness.py"""

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
TERMS = {
    "hw28-01": ("salt substitute", "stroke"), "hw28-02": ("balanced crystalloid", "saline"),
    "hw28-03": ("dabigatran", "warfarin"), "hw28-04": ("mediterranean diet", "olive oil", "nuts"),
    "hw28-05": ("placebo procedure", "angina"), "hw28-06": ("adrenaline", "cardiac arrest"),
    "hw28-07": ("pentoxifylline", "alcoholic hepatitis"), "hw28-08": ("hormonal contracept", "breast cancer"),
    "hw28-09": ("grip strength", "biobank"), "hw28-10": ("sauna", "sudden cardiac"),
    "hw28-11": ("surgeon", "female", "ontario"), "hw28-12": ("proton pump", "hip fracture"),
    "hw28-13": ("mobile phone", "glioma"), "hw28-14": ("reye", "aspirin"), "hw28-15": ("diabetes", "germany", "hba1c"),
    "hw28-16": ("chronic pain", "europe", "telephone"), "hw28-17": ("mtb/rif",), "hw28-18": ("antidepressant",
    "network meta-analysis"), "hw28-19": ("e-cigarette", "lung injury"), "hw28-20": ("long covid", "qualitative"),
}


def _key(source: str) -> str:
    """First author's surname, journal and year of a `source` line ("Neal B et al., N Engl J Med 2021;..." ->
    "neal|n engl j med 2021")."""
    head, _, rest = source.partition(",")
    return f"{head.split()[0].lower()}|{rest.split(';')[0].strip().lower()}"


if __name__ == "__main__":
    data = json.loads((ROOT.parent / "shared/data/pubmedqa/pqal_dev.json").read_text())
    texts = [json.dumps(v).lower() for v in data.values()]
    hits = {k: sum(all(t in x for t in terms) for x in texts) for k, terms in TERMS.items()}
    print(f"{len(texts)} PQA-L items; studies with a matching item: {sum(v > 0 for v in hits.values())}", hits)
    ours = yaml.safe_load((ROOT / "assets/literature/abstracts_blind_s28.yaml").read_text())["papers"]
    earlier = yaml.safe_load((ROOT / "assets/literature/abstracts_blind_s27.yaml").read_text())["papers"]
    old_keys = {_key(p["source"]) for p in earlier}
    old_text = [(p["title"] + " " + p["source"]).lower() for p in earlier]
    same_source = [p["id"] for p in ours if _key(p["source"]) in old_keys]
    same_terms = [k for k, terms in TERMS.items() if any(all(t in x for t in terms) for x in old_text)]
    print(f"{len(earlier)} earlier hand-written abstracts; same source: {len(same_source)}; "
          f"title terms shared: {len(same_terms)}")
