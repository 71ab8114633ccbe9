"""Section headings: map the many variants authors use to the five sentence roles, and find them in a text.

Two kinds are found: labels inside an abstract ("BACKGROUND: ...", "Methods. ...") and heading lines of a full
text ("2. Methods", "DISCUSSION"). The variant lists are data (assets/kb/literature/headings.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medcore.literature import kb


def _norm(heading: str) -> str:
    h = heading.strip().strip(":.-–—*# \t").lower()
    h = re.sub(r"^(?:\d+(?:\.\d+)*|[ivx]+)[.)]?\s+", "", h)  # "2.1 Methods", "IV. Results"
    h = h.replace("&", "and").replace("’", "'")
    return re.sub(r"\s+", " ", h)


@dataclass(frozen=True)
class HeadingMap:
    roles: dict  # normalised variant -> role
    stops: frozenset
    neutral: frozenset = frozenset()  # headings with no role ("Abstract", "Key words")

    def role_of(self, heading: str) -> str | None:
        """The role of a heading, or None when it is not a known one. A compound of known headings ("methods
        and results", "setting, participants") takes the role of its first part."""
        h = _norm(heading)
        if h in self.roles:
            return self.roles[h]
        parts = [p.strip() for p in re.split(r",|\band\b|/|;", h) if p.strip()]
        if len(parts) > 1 and all(p in self.roles for p in parts):
            return self.roles[parts[0]]
        return None

    def roles_named(self, heading: str) -> set[str]:
        """Every role a heading names: one for a plain heading, each part's for a compound ("background and
        purpose" -> background and objective); empty when unknown. A heading naming two roles labels its paragraph
        for the reader, but says nothing about which of its sentences is which."""
        h = _norm(heading)
        parts = [p.strip() for p in re.split(r",|\band\b|/|;", h) if p.strip()]
        if len(parts) > 1 and all(p in self.roles for p in parts):
            return {self.roles[p] for p in parts}
        role = self.role_of(heading)
        return {role} if role else set()

    def is_stop(self, heading: str) -> bool:
        return _norm(heading) in self.stops

    def known(self, heading: str) -> bool:
        return self.role_of(heading) is not None or self.is_stop(heading) or _norm(heading) in self.neutral


def heading_map(settings_or_dir) -> HeadingMap:
    data = kb.load(settings_or_dir, "headings")
    return _build(id(data), data)


_BUILT: dict[int, HeadingMap] = {}


def _build(key: int, data: dict) -> HeadingMap:
    if key not in _BUILT:
        roles = {}
        for entry in data["roles"]:
            for v in entry["variants"]:
                roles[_norm(v)] = entry["role"]
        neutral = data.get("neutral_headings", {}).get("variants", [])
        _BUILT[key] = HeadingMap(roles=roles, stops=frozenset(_norm(v) for v in data["stop_headings"]["variants"]),
                                 neutral=frozenset(_norm(v) for v in neutral))
    return _BUILT[key]


@dataclass(frozen=True)
class Section:
    heading: str  # as written
    role: str | None  # None: a heading we do not map (e.g. "TRIAL REGISTRATION")
    stop: bool  # back matter (references, funding): not the paper's own prose
    start: int  # body start (after the heading)
    end: int


# An abstract label: at the text start, a line start or after a sentence end; capitals or Title case; then ':'
# (or '.' / a line break for capitals). Capitals-only labels are taken even when not in the map.
_INLINE = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=[a-z0-9)][.!?]))[ \t]*"
    r"(?P<h>[A-Z][A-Za-z'’]*(?:[ \t,&/-]+[A-Za-z'’]+){0,7})[ \t]*(?P<sep>:|\.(?=[ \t])|[ \t]*\n)"
)
_LINE = re.compile(r"(?m)^[ \t]*+(?P<h>(?:\d+(?:\.\d+)*\.?|[IVX]+\.)?[ \t]*[A-Za-z][A-Za-z ,&'’/-]{2,60}?)[ \t]*:?[ \t]*$")


@lru_cache(maxsize=4096)
def _caps(h: str) -> bool:
    letters = [c for c in h if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def find_sections(text: str, hmap: HeadingMap) -> list[Section]:
    """Sections of `text` in order; text before the first heading is a section with heading ''. Empty list when
    the text has no headings at all."""
    marks: list[tuple[int, int, str]] = []  # (heading start, body start, heading)
    for m in _INLINE.finditer(text):
        h = m.group("h").strip()
        sep = m.group("sep")
        caps = _caps(h)
        if m.start() > 0 and not text[m.start() - 1].isspace() and not (caps and sep == ":"):
            continue  # glued to the previous sentence ("lansoprazole.STUDY:"): only a capitals label counts
        if hmap.known(h):
            if sep == "." and not caps and hmap.role_of(h) is None and not hmap.is_stop(h):
                continue
        elif not (caps and sep == ":" and len(h) <= 40):
            continue
        if sep.strip() == "" and not (caps or hmap.known(h)):
            continue
        marks.append((m.start("h"), m.end(), h))
    for m in _LINE.finditer(text):
        h = m.group("h").strip()
        if hmap.known(h) and all(abs(m.start("h") - s) > 2 for s, _, _ in marks):
            marks.append((m.start("h"), m.end(), h))
    if not marks:
        return []
    marks.sort()
    kept: list[tuple[int, int, str]] = []
    for mark in marks:  # "1. Introduction" is found as a line and as a label: keep the first, wider one
        if kept and mark[0] < kept[-1][1]:
            continue
        kept.append(mark)
    marks = kept
    out = []
    if text[: marks[0][0]].strip():
        out.append(Section("", None, False, 0, marks[0][0]))
    for i, (hs, bs, h) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.append(Section(h, hmap.role_of(h), hmap.is_stop(h), bs, end))
    return out
