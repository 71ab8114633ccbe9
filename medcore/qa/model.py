"""The education page's data: pages, sections and passages (with their sources), and the section keys.
(Kept apart from `pages`, which builds them, so builders import these without an import cycle.)"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ORIGINS = ("graph", "curated", "triage_kb", "therapy_kb")
CONDITION_SECTIONS = {
    "what": "What it is",
    "symptoms": "Symptoms",
    "causes": "Causes and risk factors",
    "contagion": "How it spreads",  # only on pages with contagion facts (assets/kb/qa/contagion.yaml)
    "when_to_get_help": "When to get help",
    "tests": "Tests",
    "treatment": "Treatment",
    "self_care": "Looking after yourself",
    "prevention": "Prevention",
    "outlook": "Outlook",
}
DRUG_SECTIONS = {
    "used_for": "What it is used for",
    "how_to_take": "How to take it",
    "side_effects_common": "Common side effects",
    "side_effects_serious": "Serious side effects and who should take care",
    "interactions": "Other medicines to know about",
    "pregnancy_breastfeeding": "Pregnancy and breastfeeding",
}
OPTIONAL = {"contagion"}  # left off a page that has nothing to say in them
# The sections every page must fill (tests check them): all that issue 16 lists for a condition or a drug page.
# Only the optional sections may be left off; a section left empty on a new page says plainly that we have nothing.
REQUIRED = {"condition": tuple(k for k in CONDITION_SECTIONS if k not in OPTIONAL),
            "drug": tuple(DRUG_SECTIONS)}
MACHINE_NOTE = ("This page was made by a computer program from Medcore's knowledge base. "
                "It is general health information, not medical advice. "
                "Ask a doctor, nurse or pharmacist about your own health.")


@dataclass(frozen=True)
class Passage:
    text: str
    source: str  # citation: guideline, label or website
    origin: str  # graph | curated | triage_kb | therapy_kb
    fact_ids: tuple[str, ...] = ()  # graph nodes/edges or KB entries the text states

    def __post_init__(self):
        if self.origin not in ORIGINS:
            raise ValueError(f"unknown passage origin {self.origin!r}")


@dataclass
class Section:
    key: str
    title: str
    passages: list[Passage] = field(default_factory=list)
    # said when there are no passages: what this page does not cover, rather than a guess
    missing: str = ""

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.passages) or self.missing


@dataclass
class EducationPage:
    concept_id: str
    kind: str  # condition | drug
    title: str
    codes: dict  # {"icd10cm": [...]} or {"rxnorm": [...], "atc": [...]}
    sections: list[Section] = field(default_factory=list)
    level: str | None = None  # a condition's triage level
    note: str = MACHINE_NOTE

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def passages(self) -> list[Passage]:
        return [p for s in self.sections for p in s.passages]

    def sources(self) -> list[str]:
        return list(dict.fromkeys(p.source for p in self.passages()))

    def text(self) -> str:
        """The readable body (what the reading-grade test measures)."""
        return "\n".join(f"{s.title}. {s.text}" for s in self.sections)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sources"] = self.sources()
        return d
