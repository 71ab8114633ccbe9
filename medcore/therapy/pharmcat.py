"""Import a PharmCAT report into the planner's genotype input.

Reads the JSON PharmCAT writes (https://pharmcat.org). The shapes follow PharmCAT's own serialised classes
(PharmGKB/PharmCAT, MPL-2.0; field names only, checked against the stored source and examples):

- Reporter `*.report.json` (`reporter.ReportContext`): PharmCAT 3 has `genes` keyed by gene symbol, plus
  `unannotatedGeneCalls` (a list of gene reports for called genes no guideline annotates), `matcherMetadata` and
  `dataVersion`; PharmCAT 2 has `genes` keyed by source (`CPIC`, `DPWG`) then gene, and `cpicVersion`.
- Phenotyper `*.phenotype.json` (`phenotype.Phenotyper`): `geneReports` in the same two shapes, and in PharmCAT 3
  `unannotatedGeneCalls` and `matcherMetadata`.
- Reporter `*.report.tsv` (PharmCAT 3's tab-separated summary): one row per gene call, read by column name.
- Named Allele Matcher `*.match.json` (`haplotype.model.Result`): `metadata` (`namedAlleleMatcherVersion`...) and
  `results`, one per gene (`gene`, `source`, `diplotypes` each with a `name` such as `*1/*4`): diplotype names only.

A gene report (`reporter.model.result.GeneReport`) names its gene in `geneSymbol` and its calls in
`recommendationDiplotypes` / `sourceDiplotypes`, each diplotype with `label`, `phenotypes` and `activityScore`.
Each gene call becomes a `genotypes` entry the planner understands (a CPIC phenotype, or an activity score for
genes CPIC scores), with a message for everything not used:

- a gene the planner has no CPIC table for (named, with its call, not used);
- a no-call (`Unknown/Unknown`, `No Result`, `Not called`): not used, so the plan does not read it as normal;
- several possible diplotypes: used only when they all mean the same phenotype, otherwise not used and named;
- HLA-A / HLA-B diplotypes become the allele-presence entries the KB has (HLA-B*57:01 positive or negative...).

In the PharmCAT 2 shape only CPIC calls are used (the KB's tables are CPIC's); DPWG-only genes are named.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from medcore.errors import DomainError
from medcore.therapy.kb import KnowledgeBase
from medcore.therapy.pgx import PgxError, normalise_phenotype

log = logging.getLogger(__name__)
NO_RESULT = {"", "n/a", "no result", "not called", "unknown", "unknown/unknown", "empty genotype"}
MAX_BYTES = 50 * 1024 * 1024


class PharmcatError(DomainError):
    pass


@dataclass
class GeneCall:
    gene: str
    diplotypes: list[str]
    phenotypes: list[str]
    value: str | None = None  # what goes into the patient's genotypes; None: not used
    note: str = ""


@dataclass
class PharmcatImport:
    genotypes: dict[str, str] = field(default_factory=dict)
    calls: list[GeneCall] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    version: str = ""


def read_file(kb: KnowledgeBase, path: Path) -> PharmcatImport:
    path = Path(path)
    if path.is_dir():
        raise PharmcatError(f"{path} is a directory: give PharmCAT's .report.json, .report.tsv or .phenotype.json file")
    if not path.is_file():
        raise PharmcatError(f"no such file: {path}")
    if path.stat().st_size > MAX_BYTES:
        raise PharmcatError(f"{path} is larger than {MAX_BYTES // 2**20} MB")
    return read_bytes(kb, path.read_bytes())


def read_bytes(kb: KnowledgeBase, raw: bytes) -> PharmcatImport:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PharmcatError(f"not valid UTF-8: {exc}") from exc
    if _TSV_HEADER.search(text[:4096]):
        return _parse_tsv(kb, text)
    try:
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PharmcatError(f"not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise PharmcatError("JSON nested too deeply") from exc
    return parse(kb, data)


def parse(kb: KnowledgeBase, data: object) -> PharmcatImport:
    if not isinstance(data, dict):
        raise PharmcatError("not a PharmCAT report: the file is not a JSON object")
    out = PharmcatImport(version=_version(data))
    return _use_calls(kb, out, _gene_calls(data, out.messages))


def _use_calls(kb: KnowledgeBase, out: PharmcatImport, calls: list[tuple[str, list[dict]]]) -> PharmcatImport:
    for gene, diplotypes in calls:
        call = _translate(kb, gene, diplotypes)
        out.calls.append(call)
        if call.value is None:
            out.messages.append(call.note)
            continue
        for key, value in _entries(kb, gene, call):
            out.genotypes[key] = value
        if call.note:
            out.messages.append(call.note)
    if not out.calls:
        out.messages.append("the report has no gene calls")
    log.info("PharmCAT import: %d gene calls, %d genotype entries", len(out.calls), len(out.genotypes))
    return out


def merge(patient: dict, imp: PharmcatImport) -> tuple[dict, list[str]]:
    """The patient dict with the report's genotypes added; a genotype the patient already gives is kept (and a
    different call in the report is named)."""
    if not isinstance(patient, dict):  # refused with its own message by parse_patient
        return patient, []
    current = dict(patient.get("genotypes") or {}) if isinstance(patient.get("genotypes"), dict) else {}
    notes = []
    upper = {str(k).strip().upper(): k for k in current}
    for gene, value in imp.genotypes.items():
        if gene.upper() in upper:
            mine = current[upper[gene.upper()]]
            if str(mine).strip().lower() != value.lower():
                notes.append(f"PharmCAT {gene}: {value}; the patient record's {mine!r} was kept")
            continue
        current[gene] = value
    return {**patient, "genotypes": current}, [f"PharmCAT: {m}" for m in imp.messages] + notes


# ---- the Reporter's tab-separated summary (PharmCAT 3 `*.report.tsv`) -----------------------------------------
# A first line with PharmCAT's version, a header row, then one row per gene call (a gene with several possible
# diplotypes has several rows). The "Recommendation Lookup" columns are the call PharmCAT's recommendations use;
# the "Source" columns are the matcher's call, used when the lookup columns are empty.
_TSV_HEADER = re.compile(r"^Gene\tSource Diplotype\tPhenotype\t", re.M)


def _parse_tsv(kb: KnowledgeBase, text: str) -> PharmcatImport:
    lines = text.splitlines()
    first = lines[0].strip() if lines else ""
    out = PharmcatImport(version=first if first.lower().startswith("pharmcat") else "")
    start = next(i for i, line in enumerate(lines) if _TSV_HEADER.match(line))
    header = lines[start].split("\t")
    calls: dict[str, list[dict]] = {}
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        row = dict(zip(header, (c.strip() for c in line.split("\t"))))
        gene = row.get("Gene", "")
        if not gene:
            continue
        label = row.get("Recommendation Lookup Diplotype") or row.get("Source Diplotype", "")
        phenotype = row.get("Recommendation Lookup Phenotype") or row.get("Phenotype", "")
        score = row.get("Recommendation Lookup Activity Score") or row.get("Activity Score") or None
        calls.setdefault(gene, []).append({"label": label, "phenotypes": [phenotype] if phenotype else [],
                                           "activityScore": score})
    return _use_calls(kb, out, list(calls.items()))


# ---- reading the JSON shapes ---------------------------------------------------------------------------------

def _version(data: dict) -> str:
    """PharmCAT's version (report), else the Named Allele Matcher's (match.json `metadata`, PharmCAT 3's
    `matcherMetadata`)."""
    if data.get("pharmcatVersion"):
        return str(data["pharmcatVersion"])
    for key in ("metadata", "matcherMetadata"):
        meta = data.get(key)
        if isinstance(meta, dict) and meta.get("namedAlleleMatcherVersion"):
            return f"Named Allele Matcher {meta['namedAlleleMatcherVersion']}"
    return ""


def _gene_calls(data: dict, messages: list[str]) -> list[tuple[str, list[dict]]]:
    for key in ("genes", "geneReports"):
        block = data.get(key)
        if isinstance(block, dict):
            calls = _from_gene_block(block, messages)
            return calls + _unannotated(data.get("unannotatedGeneCalls"), {g for g, _ in calls})
    if isinstance(data.get("results"), list):  # the Named Allele Matcher
        return [(str(r.get("gene") or ""), [{"label": d.get("name", "")} for d in r.get("diplotypes") or []
                                            if isinstance(d, dict)])
                for r in data["results"] if isinstance(r, dict) and r.get("gene")]
    raise PharmcatError("not a PharmCAT report: no 'genes' (.report.json), 'geneReports' (.phenotype.json) or "
                        "'results' (.match.json)")


def _from_gene_block(block: dict, messages: list[str]) -> list[tuple[str, list[dict]]]:
    nested = {k: v for k, v in block.items() if isinstance(v, dict) and k in ("CPIC", "DPWG", "FDA")}
    if nested:  # PharmCAT 2: source -> gene -> report
        cpic = nested.get("CPIC") or {}
        other = sorted({g for s, genes in nested.items() if s != "CPIC" for g in genes} - set(cpic))
        if other:
            messages.append(f"genes with only non-CPIC calls, not used: {', '.join(other)}")
        block = cpic
    out = []
    for gene, rep in block.items():
        if not isinstance(rep, dict):
            continue
        dips = _informative(rep.get("recommendationDiplotypes")) or _informative(rep.get("sourceDiplotypes")) \
            or rep.get("sourceDiplotypes") or rep.get("recommendationDiplotypes") or []
        out.append((str(rep.get("geneSymbol") or gene), [d for d in dips if isinstance(d, dict)]))
    return out


def _unannotated(reports, seen: set[str]) -> list[tuple[str, list[dict]]]:
    """PharmCAT 3's `unannotatedGeneCalls`: called genes no guideline in PharmCAT annotates (a list of gene
    reports); used like any other call when the KB knows the gene."""
    out = []
    for rep in reports if isinstance(reports, list) else []:
        if isinstance(rep, dict) and rep.get("geneSymbol") and rep["geneSymbol"] not in seen:
            out += _from_gene_block({rep["geneSymbol"]: rep}, [])
    return out


def _informative(dips) -> list[dict]:
    return [d for d in dips or [] if isinstance(d, dict) and not _no_call(d)]


def _no_call(d: dict) -> bool:
    label = str(d.get("label") or "").strip().lower()
    phen = [str(p).strip().lower() for p in d.get("phenotypes") or []]
    return label in NO_RESULT and all(p in NO_RESULT for p in phen)


# ---- one gene -------------------------------------------------------------------------------------------------

def _translate(kb: KnowledgeBase, gene: str, dips: list[dict]) -> GeneCall:
    labels = [str(d.get("label") or "").strip() for d in dips]
    phens = [", ".join(str(p) for p in d.get("phenotypes") or []) for d in dips]
    call = GeneCall(gene, labels, phens)
    shown = "; ".join(f"{lab} ({ph})" if ph else lab for lab, ph in zip(labels, phens)) or "no diplotype"
    if not dips or all(_no_call(d) for d in dips) or all(_no_phenotype(d) for d in dips):
        call.note = f"{gene}: no call ({shown}); not used - give the phenotype from another test if there is one"
        return call
    if _is_hla(kb, gene):
        call.value = " / ".join(labels)
        if len(dips) > 1:
            call.note = f"{gene}: {len(dips)} possible diplotypes ({shown}); an allele counts as present if any has it"
        return call
    if gene not in kb.genes:
        call.note = f"{gene} {shown}: the planner has no CPIC table for this gene; not used"
        return call
    readings = [_reading(kb, gene, d) for d in dips]
    bad = [f"{lab} ({ph or 'no phenotype'})" for (v, _), lab, ph in zip(readings, labels, phens) if v is None]
    if bad:
        call.note = f"{gene}: {', '.join(bad)} not understood by the planner; not used - enter the phenotype by hand"
        return call
    phenotypes = {ph for _, ph in readings}
    if len(phenotypes) > 1:
        call.note = (f"{gene}: PharmCAT gives {len(dips)} possible diplotypes with different phenotypes ({shown}); "
                     "not used - confirm the genotype with another test")
        return call
    call.value = readings[0][0]
    if len(dips) > 1:
        call.note = f"{gene}: {len(dips)} possible diplotypes ({shown}), all {next(iter(phenotypes))}; used"
    return call


def _no_phenotype(d: dict) -> bool:
    phen = [str(p).strip().lower() for p in d.get("phenotypes") or []]
    return bool(phen) and all(p in NO_RESULT for p in phen) and str(d.get("label") or "").strip().lower() in NO_RESULT


def _reading(kb: KnowledgeBase, gene: str, d: dict) -> tuple[str | None, str]:
    """(value for the genotypes dict, its CPIC phenotype); the activity score first for genes CPIC scores, then
    PharmCAT's phenotype, then the diplotype through the KB's tables."""
    score = d.get("activityScore")
    tries = []
    if kb.genes[gene].get("score_bands") and _number(score):
        tries.append(f"activity score {float(score):g}")
    tries += [str(p) for p in d.get("phenotypes") or [] if str(p).strip().lower() not in NO_RESULT]
    tries.append(str(d.get("label") or ""))
    for t in tries:
        if not t.strip():
            continue
        try:
            ph, _ = normalise_phenotype(kb, gene, t)
        except PgxError:
            continue
        return t, ph
    return None, ""


def _number(v) -> bool:
    try:
        float(v)
        return v is not None and not isinstance(v, bool)
    except (TypeError, ValueError):
        return False


def _is_hla(kb: KnowledgeBase, gene: str) -> bool:
    return gene.upper() in ("HLA-A", "HLA-B") and any(k.upper().startswith(gene.upper() + "*") for k in kb.genes)


def _entries(kb: KnowledgeBase, gene: str, call: GeneCall) -> list[tuple[str, str]]:
    if not _is_hla(kb, gene):
        return [(gene, call.value or "")]
    alleles = set(re.findall(r"\*(\d{2}:\d{2})", " ".join(call.diplotypes)))
    out = []
    for key in sorted(kb.genes):
        if key.upper().startswith(gene.upper() + "*"):
            out.append((key, "positive" if key.split("*", 1)[1] in alleles else "negative"))
    return out
