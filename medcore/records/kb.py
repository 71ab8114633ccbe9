"""The records knowledge base: lab and vital reference ranges, drug names, problem and procedure
vocabularies, section headers, ConText rules. Data lives in assets/kb/records/; this module loads
and validates it once per path (lru_cache), so a page or a batch pays the parsing cost once."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml


class KBError(ValueError):
    """A knowledge-base file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Range:
    name: str
    aliases: tuple[str, ...]
    unit: str
    low: float | None
    high: float | None
    source: str


@dataclass(frozen=True)
class Drug:
    name: str
    aliases: tuple[str, ...]
    drug_class: str = ""
    is_class: bool = False


@dataclass
class RecordsKB:
    root: Path
    labs: list[Range]
    vitals: list[Range]
    drugs: list[Drug]
    drug_source: str
    problems: dict[str, str]  # surface form (lower) -> canonical
    procedures: dict[str, str]
    sections: dict[str, list[str]]  # category -> header phrases
    rules: dict
    first_names: frozenset[str]
    sources: dict[str, str] = field(default_factory=dict)  # file -> source line

    def lab(self, name: str) -> Range | None:
        return _index(tuple(self.labs)).get(name.lower())

    def vital(self, name: str) -> Range | None:
        return _index(tuple(self.vitals)).get(name.lower())


@lru_cache(maxsize=8)
def _index(ranges: tuple[Range, ...]) -> dict[str, Range]:
    out: dict[str, Range] = {}
    for r in ranges:
        for key in (r.name, *r.aliases):
            out.setdefault(key.lower(), r)
    return out


def kb_root(settings) -> Path:
    return Path(settings.kb_dir) / "records"


def load(settings) -> RecordsKB:
    return load_from(kb_root(settings), Path(settings.kb_dir) / "therapy")


@lru_cache(maxsize=4)
def load_from(root: Path, therapy_dir: Path | None = None) -> RecordsKB:
    root = Path(root)
    if not root.is_dir():
        raise KBError(f"records knowledge base not found at {root}")
    labs = _ranges(root / "lab_ranges.csv", require_source=True)
    vitals = _ranges(root / "vital_ranges.csv", require_source=True)
    drugs, drug_source = _drugs(root / "drugs.yaml", therapy_dir)
    problems = _lexicon(root / "problems.txt")
    procedures = _lexicon(root / "procedures.txt")
    sections_doc = _yaml(root / "sections.yaml", ("source", "sections"))
    rules = _yaml(root / "rules.yaml", ("source", "routes", "frequencies", "dose_units", "status"))
    _all_strings(rules, "rules.yaml")
    _all_strings(sections_doc, "sections.yaml")
    names = _words(root / "first_names.txt")
    sources = {
        "lab_ranges.csv": "per row", "vital_ranges.csv": "per row", "drugs.yaml": drug_source,
        "problems.txt": _header_source(root / "problems.txt"), "procedures.txt": _header_source(root / "procedures.txt"),
        "sections.yaml": sections_doc["source"], "rules.yaml": rules["source"],
        "first_names.txt": _header_source(root / "first_names.txt"),
    }
    return RecordsKB(root, labs, vitals, drugs, drug_source, problems, procedures,
                     {k: [str(x).lower() for x in v] for k, v in sections_doc["sections"].items()},
                     rules, names, sources)


def _yaml(path: Path, required: tuple[str, ...]) -> dict:
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise KBError(f"{path.name} is missing") from exc
    except yaml.YAMLError as exc:
        raise KBError(f"{path.name} is not valid YAML: {exc}") from exc
    if not isinstance(doc, dict):
        raise KBError(f"{path.name}: expected a mapping at the top level")
    for key in required:
        if not doc.get(key):
            raise KBError(f"{path.name}: '{key}' is missing or empty")
    return doc


def _all_strings(node, fname: str, where: str = "") -> None:
    """YAML 1.1 reads bare no/on/yes as booleans; a phrase list must hold only strings."""
    if isinstance(node, dict):
        for k, v in node.items():
            _all_strings(v, fname, f"{where}.{k}" if where else str(k))
    elif isinstance(node, list):
        for v in node:
            if not isinstance(v, str):
                raise KBError(f"{fname}: {where} holds {v!r}; quote it (YAML reads bare no/on/yes as booleans)")


def _num(value: str, path: Path, row: int) -> float | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise KBError(f"{path.name} row {row}: {value!r} is not a number") from exc


def _ranges(path: Path, require_source: bool) -> list[Range]:
    out = []
    try:
        fh = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise KBError(f"{path.name} is missing") from exc
    with fh:
        for i, row in enumerate(csv.DictReader(fh), start=2):
            if not row.get("name"):
                raise KBError(f"{path.name} row {i}: name is empty")
            if require_source and not (row.get("source") or "").strip():
                raise KBError(f"{path.name} row {i}: source is empty")
            low, high = _num(row.get("low", ""), path, i), _num(row.get("high", ""), path, i)
            if low is not None and high is not None and low > high:
                raise KBError(f"{path.name} row {i}: low {low} > high {high}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            out.append(Range(row["name"].strip(), aliases, (row.get("unit") or "").strip(), low, high,
                             row["source"].strip()))
    return out


def _drugs(path: Path, therapy_dir: Path | None) -> tuple[list[Drug], str]:
    doc = _yaml(path, ("source", "drugs"))
    drugs = []
    for i, d in enumerate(doc["drugs"]):
        if not isinstance(d, dict) or not d.get("name"):
            raise KBError(f"drugs.yaml entry {i}: needs a name")
        drugs.append(Drug(str(d["name"]), tuple(str(a) for a in d.get("aliases") or ()), str(d.get("class", ""))))
    for d in doc.get("classes") or ():
        drugs.append(Drug(str(d["name"]), tuple(str(a) for a in d.get("aliases") or ()), str(d["name"]), True))
    source = str(doc["source"])
    extra = _therapy_drug_names(therapy_dir) if therapy_dir else []
    if extra:
        known = {x.lower() for d in drugs for x in (d.name, *d.aliases)}
        added = [Drug(n, ()) for n in extra if n.lower() not in known]
        drugs.extend(added)
        source += f"; plus {len(added)} names from the treatment planner's drug list"
    return drugs, source


def _therapy_drug_names(therapy_dir: Path) -> list[str]:
    """Drug names from the treatment planner's KB when it exists (any YAML there whose entries have a
    'name' or 'drug' key under a 'drugs' list). Tolerant: the planner owns that format."""
    names: list[str] = []
    if not therapy_dir or not Path(therapy_dir).is_dir():
        return names
    for path in sorted(Path(therapy_dir).glob("*drug*.y*ml")):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        entries = doc.get("drugs") if isinstance(doc, dict) else doc
        if isinstance(entries, dict):
            entries = [{"name": k} for k in entries]
        for e in entries or []:
            if isinstance(e, dict):
                n = e.get("name") or e.get("drug") or e.get("generic")
                if isinstance(n, str) and 2 < len(n) < 60:
                    names.append(n.strip())
    return names


# US -> UK (Commonwealth) medical spellings, applied to every problem and procedure form so the vocabulary
# reads British notes too: anaemia, haemorrhage, oedema, oesophagitis, diarrhoea, dyspnoea, tumour, ischaemia,
# melaena, coeliac, leucocytosis, caesarean, paediatric. (Oxford / NHS spelling; the US form stays.)
_UK_SPELLINGS = (
    (re.compile(r"(?<=[a-z])emia\b"), "aemia"),
    (re.compile(r"\bhem(?=[aeo](?!i))"), "haem"),
    (re.compile(r"(?<![o])edema"), "oedema"),
    (re.compile(r"\besophag"), "oesophag"),
    (re.compile(r"gastroesophag"), "gastro-oesophag"),
    (re.compile(r"rrhea\b"), "rrhoea"),
    (re.compile(r"pnea\b"), "pnoea"),
    (re.compile(r"tumor"), "tumour"),
    (re.compile(r"ischem"), "ischaem"),
    (re.compile(r"\bmelena"), "melaena"),
    (re.compile(r"\bceliac"), "coeliac"),
    (re.compile(r"leukocyt"), "leucocyt"),
    (re.compile(r"\bcesarean"), "caesarean"),
    (re.compile(r"\bpediatric"), "paediatric"),
    (re.compile(r"\bhemat"), "haemat"),
    (re.compile(r"\bfecal"), "faecal"),
)


def uk_spellings(form: str) -> list[str]:
    """The British spelling of a medical term, when it differs ('hemorrhage' -> 'haemorrhage')."""
    out = form
    for pat, repl in _UK_SPELLINGS:
        out = pat.sub(repl, out)
    return [out] if out != form else []


def _lexicon(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise KBError(f"{path.name} is missing") from exc
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        forms = [f.strip() for f in line.split("|") if f.strip()]
        for f in forms:
            out.setdefault(f.lower(), forms[0])
        for f in forms:
            for uk in uk_spellings(f.lower()):
                out.setdefault(uk, forms[0])
    if not out:
        raise KBError(f"{path.name} is empty")
    return out


def _header_source(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lower().startswith("# source:"):
            return line.split(":", 1)[1].strip()
    raise KBError(f"{path.name}: needs a '# Source:' header line")


def _words(path: Path) -> frozenset[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.extend(line.split())
    return frozenset(words)


def phrase_regex(phrases, flags=re.I) -> re.Pattern:
    """One alternation over phrases, longest first, with word boundaries that also work around
    punctuation inside a phrase ('s/p', 'a/p')."""
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)
