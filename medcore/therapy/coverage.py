"""`python -m medcore eval therapy-coverage`: how much of two public reference lists the knowledge base covers.

- ONC high-priority DDIs (docs/evals/planner-coverage/onc_high_priority.yaml, concrete pairs for the 15
  interactions of Phansalkar et al. 2012): names recognised, flagged major or above, flagged contraindicated.
- CPIC level A (and A/B) gene-drug pairs, read from the CPIC pair list in ../shared/data/cpic/pairs.csv (dev
  data, never committed; the command says so and scores only the ONC part when it is absent): a pair is
  covered when the drug resolves and the KB has a recommendation table for that drug and gene.
"""

from __future__ import annotations

import csv
from pathlib import Path


from medcore import kbyaml
from medcore.config import SHARED_DATA
from medcore.therapy import interactions as ix
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.names import resolve_drug

REPO = Path(__file__).resolve().parents[2]
ONC = REPO / "docs" / "evals" / "planner-coverage" / "onc_high_priority.yaml"
CPIC_PAIRS = SHARED_DATA / "cpic" / "pairs.csv"


def onc(kb: KnowledgeBase, path: Path = ONC) -> dict:
    data = kbyaml.load(path)
    pairs, missed = [], []
    for inter in data["interactions"]:
        for a, b in inter["pairs"]:
            ra, rb = resolve_drug(kb, a), resolve_drug(kb, b)
            known = ra.ok and rb.ok
            found = [f for f in ix.check_ids(kb, ra.ids + rb.ids) if known and
                     (set(f.drug_ids) & set(ra.ids)) and (set(f.drug_ids) & set(rb.ids))]
            sev = min((f.severity for f in found), key=["contraindicated", "major", "moderate", "minor"].index,
                      default=None)
            pairs.append({"interaction": inter["id"], "known": known, "severity": sev})
            if sev not in ("contraindicated", "major"):
                missed.append(f"{inter['id']}: {a} + {b}: " + ("not recognised" if not known else str(sev)))
    n = len(pairs)
    by_inter = {}
    for p in pairs:
        by_inter.setdefault(p["interaction"], []).append(p["severity"] in ("contraindicated", "major"))
    return {"pairs": n, "names_recognised": f"{sum(p['known'] for p in pairs)}/{n}",
            "flagged_major_or_above": f"{sum(p['severity'] in ('contraindicated', 'major') for p in pairs)}/{n}",
            "flagged_contraindicated": f"{sum(p['severity'] == 'contraindicated' for p in pairs)}/{n}",
            "interactions_fully_covered": f"{sum(all(v) for v in by_inter.values())}/{len(by_inter)}",
            "missed": missed}


def cpic(kb: KnowledgeBase, path: Path = CPIC_PAIRS, errors: bool = False) -> dict:
    if not path.is_file():
        return {"skipped": f"{path} not found (CPIC pair list is dev data outside the repository)"}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["cpic_level"] in ("A", "A/B")]
    covered, missing, genes_all, genes_known = [], [], set(), set()
    for r in rows:
        gene, drug = r["gene"], r["drug"]
        genes_all.add(gene)
        res = resolve_drug(kb, drug)
        # the KB keys an HLA gene by the allele tested (HLA-B*57:01); CPIC's list by the gene (HLA-B)
        kb_genes = [g for g in kb.genes if g == gene or g.startswith(gene + "*")]
        ok = res.ok and any((i, g) in kb.pgx_rules for i in res.ids for g in kb_genes)
        (covered if ok else missing).append(f"{gene}/{drug}")
        if kb_genes:
            genes_known.add(gene)
    level_a = [r for r in rows if r["cpic_level"] == "A"]
    a_cov = sum(1 for r in level_a if f"{r['gene']}/{r['drug']}" in covered)
    out = {"level_A_pairs_covered": f"{a_cov}/{len(level_a)}",
           "level_A_and_AB_pairs_covered": f"{len(covered)}/{len(rows)}",
           "genes_with_a_table": f"{len(genes_known)}/{len(genes_all)}",
           "note": "covered = the KB has a recommendation table for the pair; actions are checked by eval therapy"}
    if errors:  # names read from the dev data: printed on request, never written into the repository
        out["genes_absent"] = sorted(genes_all - genes_known)
        out["pairs_missing"] = sorted(missing)
    return out


def run(kb: KnowledgeBase, errors: bool = False) -> dict:
    return {"onc_high_priority": onc(kb), "cpic": cpic(kb, errors=errors)}
