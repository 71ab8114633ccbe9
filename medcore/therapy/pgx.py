"""Pharmacogenomic lookups (CPIC level A): genotype/diplotype to phenotype, and the
recommendation for a drug given a phenotype."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medcore.therapy.issues import sentences
from medcore.therapy.kb import KnowledgeBase, normalise
from medcore.therapy.names import resolve_drug


class PgxError(LookupError):
    pass


@dataclass
class PgxResult:
    drug: str
    gene: str
    phenotype: str
    recommendation: str
    action: str  # standard | adjust_dose | use_alternative | avoid
    strength: str
    source: str
    dose_factor: float | None = None
    alternatives: list[str] = field(default_factory=list)
    derived_from: str = ""  # the genotype text when the phenotype was derived

    def contract(self) -> dict:
        return {"recommendation": self.recommendation, "action": self.action, "strength": self.strength,
                "source": self.source}


def _gene_key(kb: KnowledgeBase, gene: str, phenotype: str) -> tuple[str, str]:
    """Match the gene name; HLA genes may come as gene='HLA-B' with the allele in the phenotype."""
    g = gene.strip().upper().replace(" ", "")
    for known in kb.genes:
        if known.upper() == g:
            return known, phenotype
    if g.startswith("HLA-"):
        m = re.search(r"(?:\*|(?<![\s*]))\s*+(\d{2}:\d{2})", phenotype)
        if m:
            candidate = f"{g.split('*')[0]}*{m.group(1)}"
            for known in kb.genes:
                if known.upper() == candidate.upper():
                    rest = phenotype.replace(m.group(0), "").replace(g, "").strip(" :-*")
                    return known, rest or "positive"
    genes = ", ".join(sorted(kb.genes))
    raise PgxError(f"unknown gene {gene!r}; known: {genes}")


INDETERMINATE = "Indeterminate"
_LIKELY = re.compile(r"^(?:likely|possible|probable)\s+", re.I)
_SCORE = re.compile(r"^(?:activity\s+score|as)\s*[:=]?\s*(\d+(?:\.\d+)?)$", re.I)


def normalise_phenotype(kb: KnowledgeBase, gene: str, text: str) -> tuple[str, str]:
    """(CPIC phenotype, how) from a phenotype name, abbreviation, diplotype, genotype or activity score.
    'Indeterminate' is a phenotype of every gene (CPIC gives no recommendation for it); a 'Likely poor
    metabolizer' is read as a poor metabolizer, as CPIC's tables do, and says so."""
    spec = kb.genes[gene]
    t = normalise(text).replace("metaboliser", "metabolizer")
    if t == "indeterminate":
        return INDETERMINATE, "phenotype"
    for ph, aliases in spec["phenotypes"].items():
        if t == normalise(ph).replace("metaboliser", "metabolizer") or t in {normalise(a) for a in aliases}:
            return ph, "phenotype"
    if _LIKELY.match(t):
        ph, _ = normalise_phenotype(kb, gene, _LIKELY.sub("", t))
        return ph, f"{text.strip()} (read as {ph}, as CPIC does)"
    m = _SCORE.match(t)
    if m and spec.get("score_bands"):
        return _band(spec, gene, float(m.group(1)), text.strip())
    raw = text.strip()
    compact = raw.replace(" ", "")
    for dip, ph in (spec.get("diplotypes") or {}).items():
        if compact.upper() == dip.replace(" ", "").upper() or _same_diplotype(compact, dip):
            return ph, f"diplotype {dip}"
    if spec.get("allele_functions"):
        alleles = [a for a in compact.split("/") if a]
        if len(alleles) == 2:
            unknown = [a for a in alleles if a not in spec["allele_functions"]]
            if unknown:
                raise PgxError(f"{gene}: allele {unknown[0]!r} not in CPIC's allele table; give the phenotype instead")
            pair = "/".join(sorted(spec["allele_functions"][a] for a in alleles))
            return spec["function_pairs"].get(pair, INDETERMINATE), f"diplotype {raw} ({pair} function)"
    if spec.get("allele_values"):
        alleles = [a for a in re.split(r"/", compact) if a]
        if len(alleles) == 2:
            total = 0.0
            for a in alleles:
                mult = 1
                m = re.match(r"^(.*?)(?:x(\d+)|xN)$", a, re.I)
                if m:
                    a = m.group(1)
                    mult = int(m.group(2)) if m.group(2) else 2
                if a not in spec["allele_values"]:
                    raise PgxError(f"{gene}: allele {a!r} not in the simple translation table; give the phenotype instead")
                total += spec["allele_values"][a] * mult
            return _band(spec, gene, total, raw)
    if spec.get("kind") == "allele_presence":
        if re.search(r"\b(neg|negative|absent|not detected|non-?carrier)\b", t):
            return "Negative", "allele presence"
        if re.search(r"\b(pos|positive|present|detected|carrier)\b", t):
            return "Positive", "allele presence"
    known = ", ".join(spec["phenotypes"])
    raise PgxError(f"{gene}: phenotype {text!r} not recognised; use one of: {known}")


def _band(spec: dict, gene: str, total: float, raw: str) -> tuple[str, str]:
    for band in spec["score_bands"]:
        if band["min"] - 1e-9 <= total <= band["max"] + 1e-9:
            return band["phenotype"], f"activity score {total:g} from {raw}"
    raise PgxError(f"{gene}: activity score {total:g} has no phenotype band")


def _same_diplotype(a: str, b: str) -> bool:
    pa, pb = a.split("/"), b.split("/")
    return len(pa) == len(pb) == 2 and sorted(x.upper() for x in pa) == sorted(x.upper() for x in pb)


def lookup(kb: KnowledgeBase, drug: str, gene: str, phenotype: str) -> PgxResult:
    r = resolve_drug(kb, drug)
    if not r.ok:
        raise PgxError(r.message(kb))
    gene_name, phenotype = _gene_key(kb, gene, phenotype)
    ph, how = normalise_phenotype(kb, gene_name, phenotype)
    # a combination product: the ingredient with a rule for this gene (Tylenol #3 and CYP2D6 -> codeine)
    drug_id = next((i for i in r.ids if (i, gene_name) in kb.pgx_rules), r.id)
    rule = kb.pgx_rules.get((drug_id, gene_name))
    if rule is None and (r.id, gene_name) in kb.pgx_pending:
        raise PgxError(pending_text(kb, kb.pgx_pending[(r.id, gene_name)], ph))
    if rule is None:
        pairs = sorted(g for (d, g) in kb.pgx_rules if d in r.ids)
        names = " + ".join(kb.drug_name(i) for i in r.ids)
        hint = f" (CPIC level A genes for {names}: {', '.join(pairs)})" if pairs else ""
        raise PgxError(f"no CPIC level A recommendation for {names} and {gene_name}{hint}")
    rec = rule["recommendations"].get(ph)
    score = re.match(r"activity score (\d+(?:\.\d+)?) from", how)
    by_score = rule.get("score_recommendations") or {}
    if score:  # the guideline's row for this activity score, where it splits the phenotype (CYP2C9 1.0 vs 1.5)
        rec = next((r for k, r in by_score.items() if abs(float(k) - float(score.group(1))) < 1e-9), rec)
    if rec is None and kb.genes[gene_name].get("no_call_advice"):
        raise PgxError(f"{kb.drug_name(drug_id)} in {gene_name} {ph}: {kb.genes[gene_name]['no_call_advice']} "
                       f"({rule['source']})")
    if rec is None:
        why = " (the genotype could not be translated to a phenotype)" if ph == INDETERMINATE else ""
        raise PgxError(f"CPIC gives no specific recommendation for {kb.drug_name(drug_id)} in {gene_name} {ph}{why}; "
                       "use standard clinical judgement")
    return PgxResult(kb.drug_name(drug_id), gene_name, ph, rec["recommendation"], rec["action"], rec["strength"],
                     rule["source"], rec.get("dose_factor"), list(rec.get("alternatives", [])),
                     "" if how == "phenotype" else how)


def patient_results(kb: KnowledgeBase, drug_id: str, genotypes: dict[str, str]) -> tuple[list[PgxResult], list[str]]:
    """All PGx results for one drug given a patient's genotype dict; plus problems to report."""
    results, problems = [], []
    for gene_text, value in genotypes.items():
        try:
            gene_name, ph_text = _gene_key(kb, gene_text, value)
        except PgxError as exc:
            problems.append(str(exc))
            continue
        if (drug_id, gene_name) not in kb.pgx_rules:
            continue
        try:
            results.append(lookup(kb, drug_id, gene_name, ph_text))
        except PgxError as exc:
            problems.append(str(exc))
    both = combined(results)
    return results + ([both] if both else []), problems + pending_for(kb, drug_id, genotypes)


def pending_for(kb: KnowledgeBase, drug_id: str, genotypes: dict[str, str]) -> list[str]:
    """For each gene of the patient that forms a `pending` CPIC pair with this drug, the implication and the note
    that the dosing table is not encoded (or why the genotype could not be read)."""
    out = []
    for gene_text, value in genotypes.items():
        try:
            gene_name, ph_text = _gene_key(kb, gene_text, value)
            entry = kb.pgx_pending.get((drug_id, gene_name))
            if entry is not None:
                out.append(pending_text(kb, entry, normalise_phenotype(kb, gene_name, ph_text)[0]))
        except PgxError as exc:
            if (drug_id, gene_text.strip().upper()) in kb.pgx_pending:
                out.append(str(exc))
    return out


def pending_text(kb: KnowledgeBase, entry: dict, phenotype: str) -> str:
    """A CPIC pair the KB knows but whose recommendation table it does not encode: the phenotype's implication and
    a plain statement that the dosing recommendation must be read in the guideline."""
    drug = kb.drug_name(entry["drug"])
    implication = entry["implications"].get(phenotype)
    head = f"{drug}, {entry['gene']} {phenotype}:"
    text = sentences(f"{head} {implication}", entry["missing"]) if implication else f"{head} {entry['missing']}"
    return f"{text} [source: {entry['source']}]"


_STRENGTH = ["strong", "moderate", "optional", "no recommendation"]


def combined(results: list[PgxResult]) -> PgxResult | None:
    """Two or more genes each asking for a lower dose of one drug (TPMT and NUDT15 for a thiopurine): one result
    naming them together, with the lowest stated factor. CPIC's tables are per gene; the text says so and that a
    patient reduced in both may need more than either table alone."""
    adj = [r for r in results if r.action == "adjust_dose"]
    if len(adj) < 2 or any(r.action in ("avoid", "use_alternative") for r in results):
        return None
    factors = [r.dose_factor for r in adj if r.dose_factor is not None]
    genes = " + ".join(r.gene for r in adj)
    low = min(factors) if factors else None
    text = (f"{genes} each call for a lower dose; the tables are per gene, so with both reduced start from the "
            "lowest of them" + (f" (x{low:g})" if low is not None else "") +
            ", expect that a further reduction may be needed and monitor closely")
    return PgxResult(adj[0].drug, genes, " + ".join(f"{r.gene} {r.phenotype}" for r in adj), text, "adjust_dose",
                     max((r.strength for r in adj), key=_STRENGTH.index), "; ".join(dict.fromkeys(r.source for r in adj)),
                     low, [], "two genes together")
