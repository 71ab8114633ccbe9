"""The structured summary laid out by note type: a discharge summary reads as reason for admission, diagnoses,
hospital course, procedures, medication changes, pending results and follow-up; an ED note as complaint,
findings and disposition; a consult as question, assessment and recommendations; a progress note as SOAP; an
imaging report as findings and impression. The slots and their heading synonyms are data
(assets/kb/records/layouts.yaml); this module fills them from the note's sections and the engines' lists. Every
line is a structured.Item, so it keeps the sentence it came from (the page's provenance link)."""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace


from medcore.config import REPO_ROOT
from medcore.errors import DomainError
from medcore.knowledge import kbfiles
from medcore.knowledge.kbfiles import KnowledgeKBError
from medcore.records.note_types import NoteType, header_has, ngrams, normalise_header, phrase_key
from medcore.records.sections import Section
from medcore.records.structured import Item, StructuredSummary, med_line
from medcore.records.text import Sentence

log = logging.getLogger(__name__)

DEFAULT_PATH = REPO_ROOT / "assets" / "kb" / "records" / "layouts.yaml"
GENERIC = "generic"
SOURCES = ("problems", "medications", "medication_changes", "allergies", "abnormal_results", "plan", "follow_ups",
           "procedures")
_CHANGE_STATUSES = ("started", "stopped", "changed")
_STOPPED = ("stopped", "held")


class LayoutKBError(DomainError):
    """layouts.yaml is missing or malformed; the message names the layout and slot."""


@dataclass(frozen=True)
class SlotSpec:
    key: str
    title: str
    headings: tuple[tuple[bool, str], ...] = ()  # phrase_key of each heading phrase
    sections: tuple[str, ...] = ()
    cue: re.Pattern | None = None
    source: str = ""
    first_of: tuple[str, ...] = ()
    max_lines: int = 0  # 0: no cap
    overflow_to: str = ""
    empty: str = "none found"
    first_cue: re.Pattern | None = None  # first_of takes the first sentence of its categories that matches this
    lead: tuple[tuple[bool, str], ...] = ()  # lines under these headings come first ("principal diagnosis")
    fallback: tuple[tuple[bool, str], ...] = ()  # an empty slot takes the lines under these headings (claimed or not)
    drop: tuple[str, ...] = ()  # lines the engines read as only stopped medicines or only measurements


_DROPS = ("stopped_medications", "measurements")


@dataclass(frozen=True)
class LayoutSpec:
    name: str
    title: str
    slots: tuple[SlotSpec, ...]


@dataclass(frozen=True)
class LayoutKB:
    layouts: dict[str, LayoutSpec]
    generic_types: tuple[str, ...]
    source: str
    section_words: frozenset[str] = frozenset()  # a header with one of these is a section, not a sub-heading


@dataclass
class Slot:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    more: int = 0  # lines found beyond the slot's cap
    empty: str = "none found"


@dataclass
class LaidOut:
    note_type: NoteType
    layout: str  # a key of layouts.yaml, or "generic"
    title: str
    slots: list[Slot]
    note: str = ""  # why the generic layout was used for a recognised type

    def to_dict(self) -> dict:
        return {"note_type": self.note_type.to_dict(), "layout": self.layout, "title": self.title, "note": self.note,
                "slots": [{"key": s.key, "title": s.title, "items": [asdict(i) for i in s.items], "more": s.more,
                           "empty": s.empty} for s in self.slots]}


def _slot(raw, where: str) -> SlotSpec:
    if not isinstance(raw, dict) or not str(raw.get("key", "")).strip() or not str(raw.get("title", "")).strip():
        raise LayoutKBError(f"{where}: a slot needs a key and a title")
    where = f"{where}.{raw['key']}"
    source = str(raw.get("from", "") or "")
    if source and source not in SOURCES:
        raise LayoutKBError(f"{where}: from {source!r} is not one of {', '.join(SOURCES)}")
    try:
        cue, first_cue = (re.compile(raw[k], re.I) if raw.get(k) else None for k in ("cue", "first_cue"))
    except re.error as exc:
        raise LayoutKBError(f"{where}: cue: {exc}") from exc
    phrases = {}
    for k in ("headings", "lead", "fallback"):
        heads = raw.get(k) or []
        if not isinstance(heads, list) or not all(isinstance(h, str) and h.strip() for h in heads):
            raise LayoutKBError(f"{where}: {k} must be a list of phrases")
        phrases[k] = tuple(phrase_key(h) for h in heads)
    drop = tuple(raw.get("drop") or ())
    if any(d not in _DROPS for d in drop):
        raise LayoutKBError(f"{where}: drop {drop!r}: each one of {', '.join(_DROPS)}")
    return SlotSpec(str(raw["key"]), str(raw["title"]), phrases["headings"],
                    tuple(raw.get("sections") or ()), cue, source, tuple(raw.get("first_of") or ()),
                    int(raw.get("max_lines") or 0), str(raw.get("overflow_to") or ""),
                    str(raw.get("empty") or "none found"), first_cue, phrases["lead"], phrases["fallback"], drop)


def _layout(name: str, raw, where: str) -> LayoutSpec:
    if not isinstance(raw, dict) or not isinstance(raw.get("slots"), list) or not raw["slots"]:
        raise LayoutKBError(f"{where}: layout {name!r} needs a title and a list of slots")
    slots = tuple(_slot(s, f"{where}: {name}") for s in raw["slots"])
    keys = [s.key for s in slots]
    for s in slots:
        if s.overflow_to and s.overflow_to not in keys[keys.index(s.key) + 1:]:
            raise LayoutKBError(f"{where}: {name}.{s.key}: overflow_to {s.overflow_to!r} must be a later slot")
    return LayoutSpec(name, str(raw.get("title") or name), slots)


@lru_cache(maxsize=4)
def load(path: Path = DEFAULT_PATH) -> LayoutKB:
    try:
        doc = kbfiles.read_yaml(path)  # the knowledge layer's YAML reader: safe loader, one error wording
    except KnowledgeKBError as exc:
        raise LayoutKBError(f"{path}: {exc}") from exc
    if (not isinstance(doc, dict) or not str(doc.get("source", "")).strip() or not isinstance(doc.get("layouts"), dict)
            or not isinstance(doc.get("generic"), dict)):
        raise LayoutKBError(f"{path}: needs 'source', 'generic' and 'layouts'")
    layouts = {GENERIC: _layout(GENERIC, doc["generic"], str(path))}
    for name, raw in doc["layouts"].items():
        layouts[name] = _layout(name, raw, str(path))
    return LayoutKB(layouts, tuple(doc.get("generic_types") or ()), str(doc["source"]),
                    frozenset(str(w).lower() for w in doc.get("section_words") or ()))


def layout_name(note_type: str, kb: LayoutKB | None = None) -> str:
    """The layout a note type is shown in ('generic' for a type without one of its own)."""
    kb = kb or load()
    return note_type if note_type in kb.layouts and note_type not in kb.generic_types else GENERIC


# ---- filling ------------------------------------------------------------------------------------------------

def _engine_items(source: str, summary: StructuredSummary, extraction, by_index: dict[int, Sentence],
                  headers: list[tuple[int, int]] = ()) -> list[Item]:
    if source == "medication_changes":
        out = []
        for m in summary.medications:
            status = m.detail.get("status", "")
            if status in _CHANGE_STATUSES:
                line = med_line(SimpleNamespace(**{**m.detail, "status": ""}))
                out.append(Item(f"{status.capitalize()}: {line}", m.sentence, m.start, m.end, "medication_change",
                                dict(m.detail)))
        return out
    if source == "procedures":
        out, seen = [], set()
        for p in extraction.procedures:
            sent = by_index.get(p.sentence)
            if sent is None or p.name.lower() in seen or any(a <= p.start < b for a, b in headers):
                continue  # a header ("X-RAY:") is not a procedure done
            seen.add(p.name.lower())
            out.append(Item(p.text, sent.index, sent.start, sent.end, "procedure",
                            {"name": p.name, "mention": [p.start, p.end]}))
        return out
    return list(getattr(summary, source))


class _HeadingIndex:
    """A layout's heading phrases, looked up among a header's word runs (so the cost does not grow with the number of
    phrases); the longest phrase wins, and on a tie the earlier slot."""

    def __init__(self, spec: LayoutSpec):
        self.exact, self.inside = {}, {}
        for slot in spec.slots:
            for is_exact, norm in slot.headings:
                (self.exact if is_exact else self.inside).setdefault(norm, slot.key)
        self.order = {s.key: n for n, s in enumerate(spec.slots)}
        self.memo: dict[str, str] = {}

    def slot(self, header: str) -> str:
        h = normalise_header(header)
        if h not in self.memo:
            hits = [(len(g), self.inside[g]) for g in ngrams(h) if g in self.inside]
            if h in self.exact:
                hits.append((len(h), self.exact[h]))
            self.memo[h] = min(hits, key=lambda x: (-x[0], self.order[x[1]]))[1] if hits else ""
        return self.memo[h]


def _section_slots(spec: LayoutSpec, index: _HeadingIndex, sections: list[Section],
                   section_words: frozenset[str] = frozenset()) -> tuple[list[str], set[int]]:
    """The slot key each section belongs to ('' for none), and the sections whose own header chose it: by heading;
    a sub-heading of the same category stays in the slot of the section above it; the rest by category."""
    out, headed, previous = [], set(), ("", "")  # (slot, category) of the section above
    for i, sec in enumerate(sections):
        key = index.slot(sec.header)
        if key:
            headed.add(i)
        elif (previous[0] and sec.category == previous[1]
              and not section_words.intersection(normalise_header(sec.header).split())):
            key = previous[0]
        else:
            key = next((s.key for s in spec.slots if sec.category in s.sections), "")
        out.append(key)
        previous = (key, sec.category)
    return out, headed


# A label the section finder does not know, opening a sentence in a mixed-case note ("Pending results: ..."); when
# it is one of the layout's headings, it moves its sentence, and the rest of its section, to that slot.
_LEAD_LABEL = re.compile(r"[ \t]{0,3}([A-Za-z][A-Za-z /&-]{2,40}):[ \t]")


def _sentence_item(sent: Sentence, sec: Section | None, label: str = "") -> Item | None:
    """The sentence as a summary line, without the section header it starts with; `label` (a sub-heading the
    layout does not know, such as 'HEENT') is put in front. None for a line with no words left."""
    start = sent.start
    if sec is not None and sent.start <= sec.start < sent.end:
        start = max(start, sec.header_end)
    text = sent.text[start - sent.start:]
    lead = len(text) - len(text.lstrip(" \t\r\n:,;-.)"))
    text = text.strip(" \t\r\n:,;-")
    if not re.search(r"[A-Za-z]{2}", text):
        return None
    label = " ".join(label.split())  # the header as written, blanks folded
    shown = f"{label}: {text}" if label else text
    return Item(shown, sent.index, sent.start, sent.end, "line", {"mention": [start + lead, start + lead + len(text)]})


def _names_slot(header: str, title: str) -> bool:
    """The header says what the slot title says ('HOSPITAL COURSE' in 'Hospital course'), so it need not be repeated
    in front of the line. A SOAP letter ('S', 'O', 'A', 'P') names the slot it is the initial of."""
    head = normalise_header(header)
    if len(head) == 1:
        return normalise_header(title).startswith(head)
    return set(normalise_header(title).split()) <= set(head.split())


def lay_out(note_type: NoteType, sections: list[Section], sentences: list[Sentence], summary: StructuredSummary,
            extraction, kb: LayoutKB | None = None) -> LaidOut:
    kb = kb or load()
    name = layout_name(note_type.name, kb)
    spec = kb.layouts[name]
    by_index = {s.index: s for s in sentences}
    if name == GENERIC:
        return _generic(note_type, kb, summary, extraction, by_index, "")
    starts = [s.start for s in sections]
    header_spans = [(s.start, s.header_end) for s in sections]
    index = _HeadingIndex(spec)
    slot_of, headed = _section_slots(spec, index, sections, kb.section_words)
    lines: dict[str, list[Item]] = {s.key: [] for s in spec.slots}
    by_category: dict[str, list[Item]] = {}  # unclaimed lines by section category (first_of)
    header_of: dict[int, tuple[str, set[str]]] = {}  # id(item) -> its section's header (lead, fallback)
    labelled = set()  # sections whose header has been put in front of their first line
    titles = {s.key: s.title for s in spec.slots}
    moved: tuple[int, str] = (-2, "")  # (section index, slot) set by a leading label
    for sent in sentences:
        k = bisect.bisect_right(starts, sent.start) - 1
        sec = sections[k] if k >= 0 else None
        key = slot_of[k] if k >= 0 else ""
        lead = _LEAD_LABEL.match(sent.text)
        lead_key = index.slot(lead.group(1)) if lead and not (sec and sent.start <= sec.start < sent.end) else ""
        if lead_key:
            moved = (k, lead_key)
        if moved[0] == k:
            key = moved[1]
        if not (key or sent.section):
            continue
        label = ""
        if lead_key:
            item = _sentence_item(sent, None)
            if item is not None and _names_slot(lead.group(1), titles[key]):
                cut = lead.end()
                item.text = sent.text[cut:].strip(" \t\r\n:,;-")
                item.detail["mention"] = [sent.start + cut, sent.end]
        else:
            if sec is not None and k not in labelled and not (k in headed and _names_slot(sec.header, titles.get(key, ""))):
                label = sec.header
            item = _sentence_item(sent, sec, label)
        if item is None:
            continue
        if label:
            labelled.add(k)
        if sec is not None:
            h = normalise_header(sec.header)
            header_of[id(item)] = (h, ngrams(h))
        if key:
            lines[key].append(item)
        elif sent.section:
            by_category.setdefault(sent.section, []).append(item)
    claimed = sum(len(v) for v in lines.values())
    if not claimed:
        return _generic(note_type, kb, summary, extraction, by_index,
                        f"Read as a {note_type.label.lower()}, but none of its usual headings was found; shown in "
                        "the generic layout.")
    slots, carry = [], {}
    dropped = _dropped_sentences(spec, extraction)
    for s in spec.slots:
        items = carry.pop(s.key, []) + lines[s.key]
        if s.drop:
            items = [i for i in items if i.sentence not in dropped.get(s.key, ())]
        if not items and s.fallback:  # "ADMITTING DIAGNOSES" stand for the principal one when no other is given
            items = [i for k in lines for i in lines[k] if _under(header_of, i, s.fallback)]
        if s.lead:  # the line labelled "principal diagnosis" comes before a plain list of diagnoses
            items.sort(key=lambda i: not _under(header_of, i, s.lead))
        if s.cue is not None:
            used = {i.sentence for i in items}
            items += [it for sent in sentences if sent.index not in used and s.cue.search(sent.text)
                      for it in [_sentence_item(sent, None)] if it is not None]
        if s.source:
            have = {i.sentence for i in items}
            engine = [i for i in _engine_items(s.source, summary, extraction, by_index, header_spans)
                      if i.sentence < 0 or i.sentence not in have]
            items = engine + items if s.source in ("abnormal_results", "medication_changes") else items + engine
        if not items and s.first_of:
            items = [i for c in s.first_of for i in by_category.get(c, ())
                     if s.first_cue is None or s.first_cue.search(i.text)][:1]
        more = 0
        if s.max_lines and len(items) > s.max_lines:
            extra = items[s.max_lines:]
            items = items[:s.max_lines]
            if s.overflow_to:
                carry[s.overflow_to] = extra
            else:
                more = len(extra)
        slots.append(Slot(s.key, s.title, items, more, s.empty))
    return LaidOut(note_type, name, spec.title, slots)


def _under(header_of: dict, item: Item, keys) -> bool:
    """The line stands under a header holding one of these heading phrases."""
    h = header_of.get(id(item))
    return h is not None and any(header_has(h[0], h[1], key) for key in keys)


def _dropped_sentences(spec: LayoutSpec, extraction) -> dict[str, set[int]]:
    """For each slot with `drop`, the sentences it leaves out: a line whose medicines are all stopped or held ("STOPPED:
    ibuprofen" is a medication change, not a discharge medicine), and a line of measurements with no medicine ("BP
    128/70, HR 72" under the medication list)."""
    on_drug, stopped = set(), set()
    for med in extraction.medications:
        (stopped if med.status in _STOPPED else on_drug).add(med.sentence)
    measured = {x.sentence for x in list(extraction.vitals) + list(extraction.labs)}
    out = {}
    for s in spec.slots:
        if s.drop:
            out[s.key] = ((stopped - on_drug if "stopped_medications" in s.drop else set())
                          | (measured - on_drug - stopped if "measurements" in s.drop else set()))
    return out


def _generic(note_type: NoteType, kb: LayoutKB, summary: StructuredSummary, extraction, by_index, note: str) -> LaidOut:
    spec = kb.layouts[GENERIC]
    slots = [Slot(s.key, s.title, _engine_items(s.source, summary, extraction, by_index), 0, s.empty)
             for s in spec.slots]
    return LaidOut(note_type, GENERIC, spec.title, slots, note)
