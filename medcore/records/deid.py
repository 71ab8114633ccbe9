"""De-identification (first version: pattern recognisers for the Safe Harbor categories
that show up in free text). API: deidentify(text) -> DeidResult."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PhiSpan:
    type: str
    start: int
    end: int
    text: str
    replacement: str


@dataclass
class DeidResult:
    text: str
    spans: list[PhiSpan] = field(default_factory=list)


_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("EMAIL", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")),
    ("URL", re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)),
    ("SSN", re.compile(r"\b\d{3}-\d{2}-\d{4}\b")),
    ("MRN", re.compile(r"\b(?:MRN|medical record(?: number)?|record no\.?)[:#\s]*([A-Z]{0,3}\d[\d-]{4,})", re.I)),
    ("PHONE", re.compile(r"(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")),
    ("DATE", re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                        r"Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b")),
    ("NAME", re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? ([A-Z][a-z]+(?: [A-Z][a-z]+)?)")),
    ("ZIP", re.compile(r"\b\d{5}(?:-\d{4})?\b")),
]


def deidentify(text: str) -> DeidResult:
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = (m.start(1), m.end(1)) if m.groups() else (m.start(), m.end())
            if not any(s < end and start < e for s, e, _ in found):
                found.append((start, end, kind))
    found.sort()
    out, spans, last = [], [], 0
    for start, end, kind in found:
        repl = f"[{kind}]"
        out.append(text[last:start])
        out.append(repl)
        spans.append(PhiSpan(kind, start, end, text[start:end], repl))
        last = end
    out.append(text[last:])
    return DeidResult("".join(out), spans)
