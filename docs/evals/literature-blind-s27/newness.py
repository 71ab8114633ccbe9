"""Newness check of blind set s27: no PubMedQA PQA-L item (every earlier literature set was drawn from PQA-L) reports
any of the 20 studies the hand-written abstracts are modelled on. Each study is named by two or three distinctive
terms; an item matches when its question, contexts and answer hold all of them. Prints counts only, never text.
Run from the repo root: python docs/evals/literature-blind-s27/newness.py"""

import json
from pathlib import Path

TERMS = {
    "hw27-01": ("dexamethasone", "covid"), "hw27-02": ("systolic", "120 mm"), "hw27-03": ("empagliflozin",),
    "hw27-04": ("tranexamic", "trauma"), "hw27-05": ("streptokinase", "aspirin"), "hw27-06": ("magnesium sulphate",
    "pre-eclampsia"), "hw27-07": ("bolus", "perfusion"), "hw27-08": ("appendicitis", "antibiotic"),
    "hw27-09": ("doctors", "smok", "1951"), "hw27-10": ("hormone replacement", "breast cancer", "million"),
    "hw27-11": ("mmr", "autism"), "hw27-12": ("cannabis", "schizophrenia"), "hw27-13": ("lung", "smok", "1950"),
    "hw27-14": ("diethylstilb", "vagina"), "hw27-15": ("papillomavirus", "oropharyn"),
    "hw27-16": ("obesity", "2009-2010"), "hw27-17": ("lifetime prevalence", "age of onset", "dsm-iv"),
    "hw27-18": ("multimorbidity", "deprivation"), "hw27-19": ("virtual colonoscopy",), "hw27-20": ("pneumocystis",
    "homosexual"),
}

if __name__ == "__main__":
    data = json.loads((Path(__file__).resolve().parents[3].parent / "shared/data/pubmedqa/pqal_dev.json").read_text())
    texts = [json.dumps(v).lower() for v in data.values()]
    hits = {k: sum(all(t in x for t in terms) for x in texts) for k, terms in TERMS.items()}
    print(f"{len(texts)} PQA-L items; studies with a matching item: {sum(v > 0 for v in hits.values())}", hits)
