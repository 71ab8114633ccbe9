"""PubMed exports holding one paper or many: MEDLINE text, PubMed XML and RIS, each to `Paper`s.

XML safety without a third-party parser: a document declaring entities (or a DOCTYPE with an internal subset,
where entities live) is refused before parsing; the standard PubMed DOCTYPE line, which only names the external
DTD, is removed (expat never fetches it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from medcore.literature.errors import LiteratureInputError
from medcore.literature.model import Paper

MAX_PAPERS = 2000  # one export; PubMed itself saves at most 10,000 records, and each is read in full

_MEDLINE_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]{1,3})\s*-\s(?P<val>.*)$")
_RIS_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9])  -(?: (?P<val>.*))?$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def looks_like_medline(text: str) -> bool:
    return bool(re.search(r"(?m)^PMID- ?\d", text[:5000]))


def looks_like_ris(text: str) -> bool:
    return bool(re.search(r"(?m)^TY  - ", text[:5000]))


def looks_like_xml(text: str) -> bool:
    head = text.lstrip()[:2000]
    return head.startswith("<?xml") or "<PubmedArticle" in head or "<PubmedArticleSet" in head


def _year(s: str) -> int | None:
    m = _YEAR.search(s or "")
    return int(m.group(1)) if m else None


def _with_abstract(paper: Paper, blocks: list[tuple[str, str]]) -> Paper:
    """Join (label, text) blocks into paper.text ("LABEL: text" lines), recording each labelled block."""
    parts, pos = [], 0
    for label, body in blocks:
        body = re.sub(r"\s+", " ", body).strip()
        if not body:
            continue
        prefix = f"{label}: " if label else ""
        start = pos + len(prefix)
        parts.append(prefix + body)
        if label:
            paper.sections.append((label, start, start + len(body)))
        pos += len(prefix) + len(body) + 1
    paper.text = "\n".join(parts)
    return paper


def parse_medline(text: str) -> tuple[list[Paper], list[str]]:
    records: list[dict[str, list[str]]] = []
    cur: dict[str, list[str]] | None = None
    last = None
    for line in text.splitlines():
        m = _MEDLINE_LINE.match(line)
        if m and m.group("tag") == "PMID":
            cur = {}
            records.append(cur)
        if cur is None:
            continue
        if m:
            last = m.group("tag")
            cur.setdefault(last, []).append(m.group("val").strip())
        elif line.startswith("      ") and last:
            cur[last][-1] += " " + line.strip()  # a continuation line
    papers, warnings = [], []
    for rec in records[:MAX_PAPERS]:
        def one(tag: str) -> str:
            return (rec.get(tag) or [""])[0]
        doi = next((a.split(" ")[0] for a in rec.get("AID", []) + rec.get("LID", []) if a.endswith("[doi]")), "")
        p = Paper(title=one("TI"), authors=rec.get("AU", []) or rec.get("FAU", []), journal=one("TA") or one("JT"),
                  year=_year(one("DP")), pmid=one("PMID"), doi=doi, source_format="medline",
                  publication_types=rec.get("PT", []))
        p.text = one("AB")  # structured labels stay inline ("BACKGROUND: ..."); the heading finder reads them
        if not p.text:
            warnings.append(f"PMID {p.pmid or '?'}: the record has no abstract (AB); only its title was read")
        papers.append(p)
    if len(records) > MAX_PAPERS:
        warnings.append(f"only the first {MAX_PAPERS} of {len(records)} records were read")
    return papers, warnings


def parse_ris(text: str) -> tuple[list[Paper], list[str]]:
    records: list[dict[str, list[str]]] = []
    cur, last = None, None
    warnings = []
    for line in text.splitlines():
        m = _RIS_LINE.match(line.rstrip())
        if m:
            tag, val = m.group("tag"), (m.group("val") or "").strip()
            if tag == "TY":
                if cur is not None:
                    warnings.append("a RIS record did not end with 'ER  -'; it was closed at the next 'TY  -'")
                cur = {}
                records.append(cur)
            elif tag == "ER":
                cur, last = None, None
                continue
            if cur is not None:
                cur.setdefault(tag, []).append(val)
                last = tag
        elif cur is not None and last and line.strip():
            cur[last][-1] += " " + line.strip()
    if cur is not None:
        warnings.append("the last RIS record did not end with 'ER  -'; it was read to the end of the file")
    papers = []
    for rec in records[:MAX_PAPERS]:
        def one(*tags: str) -> str:
            return next((rec[t][0] for t in tags if rec.get(t) and rec[t][0]), "")
        p = Paper(title=one("TI", "T1", "CT"), authors=rec.get("AU", []) + rec.get("A1", []),
                  journal=one("JO", "JF", "T2", "JA", "J2"), year=_year(one("PY", "Y1", "DA")),
                  doi=one("DO"), pmid=_ris_pmid(rec), source_format="ris", text=one("AB", "N2"))
        if not p.text:
            warnings.append(f"'{p.title[:60] or 'untitled'}': the record has no abstract (AB/N2); only its title was read")
        papers.append(p)
    return papers, warnings


def _ris_pmid(rec: dict) -> str:
    for tag in ("AN", "ID", "C2"):
        for v in rec.get(tag, []):
            m = re.fullmatch(r"(?:PMID:?\s*)?(\d{5,9})", v.strip())
            if m:
                return m.group(1)
    return ""


_DOCTYPE = re.compile(r"<!DOCTYPE\s+[^\[>]*>", re.IGNORECASE)


def parse_pubmed_xml(text: str, known_heading=lambda h: False) -> tuple[list[Paper], list[str]]:
    if re.search(r"<!ENTITY", text, re.IGNORECASE) or re.search(r"<!DOCTYPE[^>]*\[", text, re.IGNORECASE):
        raise LiteratureInputError("This XML file declares entities (a DOCTYPE with an internal subset); it is "
                                   "refused for safety. Export the records from PubMed again as XML.")
    text = _DOCTYPE.sub("", text, count=1)
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        raise LiteratureInputError(f"The XML file is not well-formed ({exc}); it may be truncated. "
                                   "Export the records from PubMed again.") from exc
    articles = [root] if root.tag in ("PubmedArticle", "PubmedBookArticle") else list(root.iter("PubmedArticle"))
    if not articles:
        raise LiteratureInputError("This XML file holds no PubmedArticle records; save a PubMed search as XML "
                                   "(Send to > File > XML).")
    papers, warnings = [], []
    for art in articles[:MAX_PAPERS]:
        def txt(path: str, node=art) -> str:
            el = node.find(path)
            return "".join(el.itertext()).strip() if el is not None else ""
        p = Paper(title=txt(".//ArticleTitle"), pmid=txt(".//MedlineCitation/PMID"),
                  journal=txt(".//Journal/ISOAbbreviation") or txt(".//Journal/Title"), source_format="pubmed_xml")
        p.year = _year(txt(".//JournalIssue/PubDate/Year") or txt(".//JournalIssue/PubDate/MedlineDate")
                       or txt(".//ArticleDate/Year"))
        for a in art.iter("Author"):
            name = txt("CollectiveName", a) or " ".join(x for x in (txt("LastName", a), txt("Initials", a)) if x)
            if name:
                p.authors.append(name)
        for el in list(art.iter("ELocationID")) + list(art.iter("ArticleId")):
            if (el.get("EIdType") or el.get("IdType")) == "doi" and el.text:
                p.doi = el.text.strip()
                break
        p.publication_types = ["".join(e.itertext()).strip() for e in art.iter("PublicationType")]
        blocks = []
        for at in art.iter("AbstractText"):
            label = (at.get("Label") or "").strip()
            category = (at.get("NlmCategory") or "").strip()
            # NLM's category names the role when the authors' label is one we do not map
            if label and category and category != "UNASSIGNED" and not known_heading(label):
                label = category
            blocks.append((label, "".join(at.itertext())))
        _with_abstract(p, blocks)
        if not p.text:
            warnings.append(f"PMID {p.pmid or '?'}: the record has no abstract; only its title was read")
        papers.append(p)
    if len(articles) > MAX_PAPERS:
        warnings.append(f"only the first {MAX_PAPERS} of {len(articles)} records were read")
    return papers, warnings
