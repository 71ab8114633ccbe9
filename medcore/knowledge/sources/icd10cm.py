"""ICD-10-CM, the coding backbone: every code of the tabular list shipped in the PyPI package
`simple-icd-10-cm` (April 2026 release of CMS/NCHS, public domain), as `icd10cm:<code>` concepts with
their title and inclusion terms. Chapters and blocks are groupings, not codes, and are left out."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from medcore.knowledge.concepts import Concept
from medcore.knowledge.normalize import PAREN

log = logging.getLogger(__name__)

SOURCE = "ICD-10-CM tabular list, April 2026 release (CMS/NCHS, public domain), via PyPI simple-icd-10-cm"


def _icd():
    import simple_icd_10_cm as icd  # parses the XML into a tree on import (seconds): only for look-ups

    return icd


def _data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("simple_icd_10_cm")  # locate without importing (the import parses the XML)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("simple-icd-10-cm is not installed; ICD-10-CM codes are unavailable")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def read_tabular(data: Path | None = None) -> list[tuple[str, str, list[str], bool]]:
    """(code, title, inclusion terms, is 7th-character extension) for every code, read straight from the
    package's XML (a third of the time of importing the package, which builds a full object tree).
    Seventh-character extensions follow the package's own rule: a leaf with a sevenChrDef (its own or an
    ancestor's) gets each extension padded with X, kept only when the official code list has it."""
    import xml.etree.ElementTree as ET

    data = data or _data_dir()
    code_list = next(data.glob("code-list-*.txt"))
    confirmed = {line.split(" ")[0].replace(".", "") for line in code_list.read_text(encoding="utf-8").split("\n")}
    root = ET.parse(next(data.glob("*tabular*.xml"))).getroot()
    out: list[tuple[str, str, list[str], bool]] = []

    def walk(node, seven: dict | None) -> None:
        own = node.find("sevenChrDef")
        if own is not None:
            seven, last = {}, None
            for e in own:
                if e.tag == "extension":
                    last = e.attrib["char"]
                    seven[last] = e.text or ""
                elif e.tag == "note" and last is not None and e.text:
                    seven[last] += "/" + e.text
        name = node.findtext("name")
        desc = node.findtext("desc") or ""
        inc = [n.text for t in node.findall("inclusionTerm") for n in t if n.text]
        out.append((name, desc, inc, False))
        children = node.findall("diag")
        for child in children:
            walk(child, seven)
        if not children and seven:
            ext = name + ("." if len(name) == 3 else "")
            ext = ext.ljust(7, "X")
            for ch, text in seven.items():
                if (ext[:3] + ext[4:] + ch) in confirmed:
                    out.append((ext + ch, f"{desc}, {text}", [], True))

    for chapter in root.findall("chapter"):
        for section in chapter.findall("section"):
            for diag in section.findall("diag"):
                walk(diag, None)
    return out


def is_valid(code: str) -> bool:
    icd = _icd()
    return icd.is_valid_item(code) and not icd.is_chapter_or_block(code)


def version_tag() -> str:
    """Names the shipped data file, so a new release of the package invalidates the lexicon cache."""
    data = _data_dir()
    return ",".join(sorted(f"{p.name}:{p.stat().st_size}" for p in data.glob("*.xml")))




def match_terms(concept: Concept) -> list[str]:
    """Title and inclusion terms as match terms: 'unspecified'/'NOS' suffixes and parenthesised
    nonessential modifiers dropped ('hypertension (arterial) (benign)' -> 'hypertension'); titles
    that only name a residual bucket ('Other ...', '... not elsewhere classified') are not terms."""
    from medcore.knowledge.normalize import clean_title

    if concept.attrs.get("extension"):
        return []  # 'Fracture of ..., initial encounter': the encounter is not in the words of a note
    out = []
    for t in (concept.name, *concept.synonyms):
        t = clean_title(PAREN.sub("", t))
        low = t.lower()
        if not t or low.startswith(("other ", "unspecified ")) or "elsewhere" in low or "not classified" in low:
            continue
        out.append(t)
        m = _TYPE_NUMERAL.search(t)
        if m:  # 'Complex regional pain syndrome I' is written 'complex regional pain syndrome type I' as often
            out.append(f"{t[:m.start()]} type {m.group(1)}")
    return out


# a title that ends in a bare type numeral, with no 'type', 'grade', 'stage' or 'class' word before it
# (the blanks are tried from the start of their run or its second character, where the old "\s+" could start
# after the guards failed at the run's start; from every blank it rescanned a long run: quadratic)
_TYPE_NUMERAL = re.compile(r"(?:(?<!\btype)(?<!\bgrade)(?<!\bstage)(?<!\bclass)(?<!\blevel)(?<!\bcategory)"
                           r"(?<![,\s])|(?<=\s)(?<!\s\s))\s+(I|II|III|IV)$", re.IGNORECASE)


def icd10cm_concepts(kb_dir: Path) -> list[Concept]:
    out = [Concept(f"icd10cm:{code}", "icd10cm", title, {"icd10cm": (code,)}, tuple(inc), (SOURCE,),
                   {"extension": True} if ext else {})
           for code, title, inc, ext in read_tabular()]
    log.info("ICD-10-CM: %d codes", len(out))
    return out
