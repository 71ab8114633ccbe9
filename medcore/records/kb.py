"""The records knowledge base: lab and vital reference ranges, section headers, ConText rules. Data
lives in assets/kb/records/; this module loads and validates it once per path (lru_cache), so a page or a
batch pays the parsing cost once. Drug names come from the knowledge layer's drug lexicon
(assets/kb/knowledge/drugs/); problems and procedures are concepts of the knowledge layer (medcore.knowledge:
ICD-10-CM-coded conditions, procedures), attached by `load(settings)`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.errors import DomainError
from medcore.knowledge import allergens as kallergens
from medcore.knowledge import drugs as kdrugs
from medcore.knowledge.kbfiles import KnowledgeKBError
from medcore.records import units
from medcore.records.kb_csv import kb_rows

class KBError(DomainError):
    """A knowledge-base file is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class Range:
    name: str
    aliases: tuple[str, ...]
    unit: str
    low: float | None
    high: float | None
    source: str
    # values outside this span are not this measurement at all ('P: 2+' is a pulse grade, not a rate of 2)
    plausible_low: float | None = None
    plausible_high: float | None = None


@dataclass(frozen=True)
class UnitRange:
    """A range for a measurement in another unit than its main row ('creatinine' in umol/L, temperature in F);
    a value written with no unit that falls in [unitless_low, unitless_high] is read in this unit."""
    name: str
    unit: str
    low: float | None
    high: float | None
    unitless_low: float | None
    unitless_high: float | None
    source: str


@dataclass(frozen=True)
class Drug:
    name: str
    aliases: tuple[str, ...]
    drug_class: str = ""
    is_class: bool = False
    # names a free-text matcher takes only where the context says a medicine is meant (a medication list, a dose
    # right after): words that are also lab analytes or everyday words ("potassium", "iron", "Soma", "vitamins")
    # and broad class words ("antibiotics")
    in_lists_only: bool = False
    name_in_text: bool = True  # False where the name itself is such a word ("oxygen"): only its aliases are matched


@dataclass
class RecordsKB:
    root: Path
    labs: list[Range]
    vitals: list[Range]
    drugs: list[Drug]
    drug_source: str
    sections: dict[str, list[str]]  # category -> header phrases
    rules: dict
    first_names: frozenset[str]
    sources: dict[str, str] = field(default_factory=dict)  # file -> source line
    terminology: object = None  # medcore.knowledge Terminology: problem and procedure concepts
    unit_ranges: list[UnitRange] = field(default_factory=list)
    codes: units.ObservationCodes = field(default_factory=units.ObservationCodes)  # UCUM and LOINC (FHIR export)

    def problem_terms(self) -> list[str]:
        """Every condition name and synonym the matcher knows (for the grounding check's vocabulary)."""
        if self.terminology is None:
            return []
        return [f for c in self.terminology.concepts("condition") for f in (c.name, *c.synonyms)]

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
    kb = load_from(kb_root(settings), Path(settings.kb_dir))
    if kb.terminology is None:
        from medcore.knowledge import KnowledgeKBError, load_terminology

        try:
            kb.terminology = load_terminology(settings)
        except (KnowledgeKBError, FileNotFoundError) as exc:
            raise KBError(f"knowledge layer: {exc}") from exc
    return kb


@lru_cache(maxsize=4)
def load_from(root: Path, kb_dir: Path | None = None) -> RecordsKB:
    """`kb_dir` holds the knowledge layer (knowledge/drugs); None: the shipped one."""
    root = Path(root)
    if not root.is_dir():
        raise KBError(f"records knowledge base not found at {root}")
    labs = _ranges(root / "lab_ranges.csv", require_source=True)
    vitals = _ranges(root / "vital_ranges.csv", require_source=True)
    unit_ranges = _unit_ranges(root / "unit_ranges.csv")
    try:
        codes = units.load_codes(root, [r.name for r in (*labs, *vitals)])
    except units.CodesError as exc:
        raise KBError(str(exc)) from exc
    rules = _yaml(root / "rules.yaml", ("source", "routes", "frequencies", "dose_units", "status"))
    drugs, drug_source = _drugs(kb_dir if kb_dir and (Path(kb_dir) / "knowledge" / "drugs").is_dir() else None,
                                rules.get("drug_class_words") or (), rules.get("drug_class_words_in_lists") or ())
    sections_doc = _yaml(root / "sections.yaml", ("source", "sections"))
    _all_strings(rules, "rules.yaml")
    # allergens that are not medicines: the knowledge layer's words (one home with the planner), beside rules.yaml's
    # own `allergens` (contrast, dyes, sulfites: neither a lexicon drug nor a non-drug allergen)
    try:
        rules["non_drug_allergens"] = kallergens.note_words(kallergens.load(kb_dir))
    except KnowledgeKBError as exc:
        raise KBError(str(exc)) from exc
    _all_strings(sections_doc, "sections.yaml")
    names = _words(root / "first_names.txt")
    sources = {
        "lab_ranges.csv": "per row", "vital_ranges.csv": "per row", "unit_ranges.csv": "per row",
        "ucum.csv": "per row", "loinc.csv": "per row",
        "knowledge/drugs": drug_source,
        "sections.yaml": sections_doc["source"], "rules.yaml": rules["source"],
        "knowledge/non_drug_allergens.yaml": "per entry",
        "first_names.txt": _header_source(root / "first_names.txt"),
    }
    return RecordsKB(root, labs, vitals, drugs, drug_source,
                     {k: [str(x).lower() for x in v] for k, v in sections_doc["sections"].items()},
                     rules, names, sources, unit_ranges=unit_ranges, codes=codes)


def _yaml(path: Path, required: tuple[str, ...]) -> dict:
    try:
        doc = kbyaml.load(path)
    except FileNotFoundError as exc:
        raise KBError(f"{path.name} is missing") from exc
    except kbyaml.KBYamlError as exc:
        raise KBError(str(exc)) from exc
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
    for i, row in kb_rows(path, ("name", "source") if require_source else ("name",), KBError):
        low, high = _num(row.get("low", ""), path, i), _num(row.get("high", ""), path, i)
        if low is not None and high is not None and low > high:
            raise KBError(f"{path.name} row {i}: low {low} > high {high}")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        out.append(Range(row["name"], aliases, row.get("unit", ""), low, high, row.get("source", ""),
                         _num(row.get("plausible_low", ""), path, i), _num(row.get("plausible_high", ""), path, i)))
    return out


def _unit_ranges(path: Path) -> list[UnitRange]:
    return [UnitRange(row["name"], row["unit"],
                      *(_num(row.get(k, ""), path, i) for k in ("low", "high", "unitless_low", "unitless_high")),
                      row["source"])
            for i, row in kb_rows(path, ("name", "unit", "source"), KBError)]


def _drugs(kb_dir: Path | None, class_words, list_class_words=()) -> tuple[list[Drug], str]:
    """Drug names from the knowledge layer's drug lexicon (one home for every tool): each ingredient and
    combination product with every way a note writes it, and the class words notes use as if they were
    drugs ("avoid NSAIDs"). Names that are also lab analytes or everyday words (the lexicon's ambiguous ones) and
    the class words of `list_class_words` come after them as `in_lists_only` entries."""
    try:
        lex = kdrugs.load(kb_dir)
        forms = kdrugs.text_forms(kb_dir, classes=list(class_words))
        listed = kdrugs.text_forms(kb_dir, classes=list(class_words) + list(list_class_words), ambiguous=True)
        listed.update({f: k for f, k in kdrugs.text_forms(kb_dir, classes=list(list_class_words)).items()
                       if k[0] == "class" and f not in forms})
        listed.update({f: k for f, k in _external_forms(lex).items() if f not in forms and f not in listed})
    except kdrugs.DrugKBError as exc:
        raise KBError(f"drug lexicon: {exc}") from exc
    drugs = _drug_entries(lex, forms, False) + _drug_entries(lex, listed, True)
    source = ("knowledge drug lexicon (assets/kb/knowledge/drugs): US labels (DailyMed/Drugs@FDA), BNF, "
              "WHO ATC/DDD Index")
    return drugs, source


# a bulk-imported brand or synonym is read only where the context says a medicine is meant (a medication list or
# before a dose), and only when it is long enough not to be an abbreviation of something else
EXTERNAL_MIN_CHARS = 5


def _external_forms(lex) -> dict[str, tuple[str, str]]:
    """The drug lexicon's generated brand and synonym names (external_names.tsv: 'Zamadol' is tramadol) as
    in-lists-only forms; names the lexicon marks ambiguous in free text are left out."""
    out = {}
    for key in lex.external:
        if len(key) >= EXTERNAL_MIN_CHARS and key not in lex.ambiguous and key.replace(" ", "").isalpha():
            kind, target, _how = lex.index[key]
            out[key] = (kind, target)
    return out


def _drug_entries(lex, forms: dict, in_lists_only: bool) -> list[Drug]:
    by_entry: dict[tuple[str, str], list[str]] = {}
    for form, key in forms.items():
        by_entry.setdefault(key, []).append(form)
    drugs = []
    for (kind, i), names in by_entry.items():
        if kind == "class":  # named as notes write it: the first synonym, singular ("penicillin", "nsaid")
            c = lex.classes[i]
            short = (c.get("synonyms") or [c["name"]])[0]
            short = short[:-1] if short.endswith("s") and not short.endswith("ss") else short
            drugs.append(Drug(short, tuple(n for n in names if n != short), c["name"], True, in_lists_only,
                              short in names))
            continue
        entry = lex.ingredients.get(i) or lex.products[i]
        name = entry["name"].lower()
        drugs.append(Drug(entry["name"], tuple(n for n in names if n != name), _class_name(lex, entry), False,
                          in_lists_only, name in names))
    return drugs


def _class_name(lex, entry: dict) -> str:
    """The entry's first pharmacological class (its own, or its ingredients' for a product)."""
    classes = entry.get("classes") or [k for i in entry.get("ingredients", []) for k in lex.ingredients[i]["classes"]]
    for k in classes:
        if lex.classes[k].get("kind", "pharmacological") == "pharmacological":
            return lex.classes[k]["name"]
    return lex.classes[classes[0]]["name"] if classes else ""


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


def phrase_regex(phrases, flags=re.I, hyphens: bool = False) -> re.Pattern:
    """One pattern over phrases, the longest match first, with word boundaries that also work around
    punctuation inside a phrase ('s/p', 'a/p'). The phrases share prefixes in a trie, so a few thousand
    drug names cost about what a few hundred did as a flat alternation. `hyphens`: a space of a phrase also
    matches a hyphen, as notes join the words of a drug name ("proton-pump inhibitor", "half-normal saline")."""
    trie: dict = {}
    space = r"(?:\s+|-)" if hyphens else r"\s+"
    for p in {p for p in phrases if p}:
        node = trie
        for ch in p:
            node = node.setdefault(space if ch == " " else re.escape(ch), {})
        node[""] = {}
    return re.compile(rf"(?<![\w-])(?:{_trie_pattern(trie)})(?![\w-])", flags)


def _trie_pattern(node: dict) -> str:
    # a greedy optional group tries the longer phrase first and backs off to the shorter one, like the
    # longest-first alternation it replaces
    parts = [tok + _trie_pattern(child) for tok, child in sorted(node.items()) if tok]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 and "" not in node else "(?:" + "|".join(parts) + ")"
    return body + "?" if "" in node else body
