"""The literature reader's data: plain dataclasses with a JSON round trip (`to_dict` / `from_dict`).

Every extracted item carries `sentence_idx`, the index into `Paper.sentences` of the sentence it was read from;
-1 means "not from one sentence" (e.g. metadata from an export record)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

ROLES = ("background", "objective", "methods", "results", "conclusions")
ROLE_SOURCES = ("heading", "classifier", "rules")


def _build(cls, data: dict):
    """`cls(**data)` keeping only known fields, so older or newer JSON still loads."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in (data or {}).items() if k in names})


@dataclass
class Sentence:
    idx: int
    text: str
    start: int  # character offsets into Paper.text
    end: int
    section: str | None = None  # the heading it sat under, as written
    role: str = ""
    role_score: float = 0.0
    role_source: str = "rules"  # 'heading' | 'classifier' | 'rules'

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Sentence:
        return _build(cls, d)


@dataclass
class Paper:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    journal: str = ""
    year: int | None = None
    pmid: str = ""
    doi: str = ""
    text: str = ""  # the abstract or full text the sentences index into
    is_full_text: bool = False
    source_format: str = "text"  # text | pdf | medline | pubmed_xml | ris
    # (heading as written, start, end) of labelled blocks in `text`, from the export or from heading detection
    sections: list[tuple[str, int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    publication_types: list[str] = field(default_factory=list)  # from an export (PT - / PublicationType)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sections"] = [list(s) for s in self.sections]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Paper:
        p = _build(cls, d)
        p.sections = [tuple(s) for s in p.sections]
        p.sentences = [Sentence.from_dict(s) for s in p.sentences]
        return p


@dataclass
class Effect:
    """One reported result. `measure` is an effect measure (RR OR HR IRR PR RD MD SMD NNT NNH) with `value`; or 'comparison' for group rates compared without an effect measure ("12/100 (12%) vs
    20/98 (20.4%), P = .03"), where `value` is None and `group_rates` hold the numbers."""

    measure: str
    value: float | None
    adjusted: bool = False  # "adjusted OR", "aHR"
    ci_low: float | None = None
    ci_high: float | None = None
    ci_level: float | None = None  # 95 for a 95% CI
    p_value: float | None = None
    p_text: str = ""  # as written: "p<0.001", "NS"
    p_relation: str = ""  # '=', '<', '>', '<=', '>=' or '' (NS without a number)
    outcome: str = ""
    comparison: str = ""
    label: str = ""  # what the estimate is given for, as written just before it ("teeth grinding", "neck pain")
    group_rates: list[dict] = field(default_factory=list)  # {"events": 12, "total": 100, "percent": 12.0}
    arm: str = ""  # the arm (or exposed group) the estimate is for, an `Arm.name` of the paper
    comparator: str = ""  # the arm it is compared against
    arm_basis: str = ""  # how the arms were linked: 'named' (both in the sentence), 'one named', 'two-arm trial'
    sentence_idx: int = -1
    span: tuple[int, int] = (0, 0)  # offsets of the estimate inside the sentence
    flags: list[str] = field(default_factory=list)  # consistency problems, in words

    @property
    def is_ratio(self) -> bool:
        return self.measure in RATIO_MEASURES

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Effect:
        e = _build(cls, d)
        e.span = tuple(e.span)
        return e


RATIO_MEASURES = frozenset({"RR", "OR", "HR", "IRR", "PR"})


@dataclass
class PicoItem:
    text: str  # as written in the sentence
    sentence_idx: int = -1
    concept_id: str = ""  # knowledge-layer concept id, e.g. condition:asthma or drug:metformin
    code: str = ""  # e.g. "ICD-10 J45" or "RxNorm 6809"
    detail: str = ""  # a dose for a drug ("10 mg daily"), "primary"/"secondary" for an outcome

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> PicoItem:
        return _build(cls, d)


@dataclass
class Arm:
    """One group a study compares: a trial arm, or an exposure group of an observational study."""

    name: str  # as written, short ("rivoxin 10 mg daily", "usual care")
    n: int | None = None  # allocated to it (as first stated), None when the text gives no number
    kind: str = "intervention"  # 'intervention' | 'comparator'
    sentence_idx: int = -1  # where the arm (and its N) is stated
    n_text: str = ""  # the N as written ("n = 58", "Forty-eight")

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Arm:
        return _build(cls, d)


@dataclass
class Population:
    n: int | None = None
    n_sentence_idx: int = -1
    n_text: str = ""  # the count as written ("1,234", "Sixty-two")
    age: dict = field(default_factory=dict)  # {"stat": "mean"|"median"|"range", "value":.., "low":.., "high":.., "sentence_idx":..}
    sex: dict = field(default_factory=dict)  # {"female_pct":.., "male_pct":.., "sentence_idx":..}
    conditions: list[PicoItem] = field(default_factory=list)
    # a review: the studies it pooled ({"count": 12, "what": "trials", "sentence_idx":.., "text":..}); n is then
    # the people they held (session 18)
    studies: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Population:
        p = _build(cls, d)
        p.conditions = [PicoItem.from_dict(c) for c in p.conditions]
        return p


@dataclass
class Pico:
    population: Population = field(default_factory=Population)
    interventions: list[PicoItem] = field(default_factory=list)
    comparators: list[PicoItem] = field(default_factory=list)
    outcomes_primary: list[PicoItem] = field(default_factory=list)
    outcomes_secondary: list[PicoItem] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Pico:
        p = _build(cls, d)
        p.population = Population.from_dict(p.population) if isinstance(p.population, dict) else p.population
        for name in ("interventions", "comparators", "outcomes_primary", "outcomes_secondary"):
            setattr(p, name, [PicoItem.from_dict(x) for x in getattr(p, name)])
        return p


@dataclass
class Design:
    kind: str = "unknown"  # rct cohort case_control cross_sectional systematic_review meta_analysis case_report guideline ...
    kind_sentence_idx: int = -1
    kind_cue: str = ""  # the words that decided it
    kind_inferred: str = ""  # set when no design is named: why the kind was inferred (designs.yaml unnamed_design)
    blinding: str = ""  # double-blind, single-blind, open-label, triple-blind
    blinding_sentence_idx: int = -1
    randomised: bool | None = None
    setting: str = ""  # the kind of care place as written ("tertiary referral hospital; in Chile")
    setting_sentence_idx: int = -1
    scope: str = ""  # multicentre / single-centre / nationwide as written: how many centres, not a kind of place
    scope_sentence_idx: int = -1
    registrations: list[dict] = field(default_factory=list)  # {"registry": "ClinicalTrials.gov", "id": "NCT01234567", "sentence_idx": 3}

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Design:
        return _build(cls, d)


@dataclass
class ChecklistItem:
    id: str
    label: str
    reported: bool
    sentence_idx: int = -1  # where it is reported
    source: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> ChecklistItem:
        return _build(cls, d)


@dataclass
class CardLine:
    text: str
    sentence_idx: int = -1  # the sentence it came from (-1: metadata, e.g. the title)
    evidence: str = ""  # the substring of that sentence that supports the line

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> CardLine:
        return _build(cls, d)


@dataclass
class EvidenceCard:
    question: list[CardLine] = field(default_factory=list)
    design: list[CardLine] = field(default_factory=list)
    population: list[CardLine] = field(default_factory=list)
    intervention_vs_comparator: list[CardLine] = field(default_factory=list)
    main_results: list[CardLine] = field(default_factory=list)
    conclusion: list[CardLine] = field(default_factory=list)
    limitations: list[CardLine] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)

    SECTIONS = ("question", "design", "population", "intervention_vs_comparator", "main_results", "conclusion",
                "limitations")

    def lines(self) -> list[tuple[str, CardLine]]:
        return [(name, line) for name in self.SECTIONS for line in getattr(self, name)]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> EvidenceCard:
        c = _build(cls, d)
        for name in cls.SECTIONS:
            setattr(c, name, [CardLine.from_dict(x) for x in getattr(c, name)])
        c.checklist = [ChecklistItem.from_dict(x) for x in c.checklist]
        return c


@dataclass
class ReadResult:
    """One paper as read: the entry point's answer, one per paper in the input."""

    paper: Paper
    design: Design = field(default_factory=Design)
    pico: Pico = field(default_factory=Pico)
    effects: list[Effect] = field(default_factory=list)
    conclusion: list[int] = field(default_factory=list)  # sentence indices
    limitations: list[int] = field(default_factory=list)
    checklist: list[ChecklistItem] = field(default_factory=list)
    card: EvidenceCard = field(default_factory=EvidenceCard)
    warnings: list[str] = field(default_factory=list)
    timing_ms: float = 0.0
    arms: list[Arm] = field(default_factory=list)  # last, so positional construction of older code still fits

    def to_dict(self) -> dict:
        return {"paper": self.paper.to_dict(), "design": self.design.to_dict(), "pico": self.pico.to_dict(),
                "effects": [e.to_dict() for e in self.effects], "arms": [a.to_dict() for a in self.arms],
                "conclusion": list(self.conclusion),
                "limitations": list(self.limitations), "checklist": [c.to_dict() for c in self.checklist],
                "card": self.card.to_dict(), "warnings": list(self.warnings), "timing_ms": self.timing_ms}

    @classmethod
    def from_dict(cls, d: dict) -> ReadResult:
        return cls(paper=Paper.from_dict(d["paper"]), design=Design.from_dict(d.get("design", {})),
                   pico=Pico.from_dict(d.get("pico", {})),
                   effects=[Effect.from_dict(e) for e in d.get("effects", [])],
                   arms=[Arm.from_dict(a) for a in d.get("arms", [])],
                   conclusion=list(d.get("conclusion", [])), limitations=list(d.get("limitations", [])),
                   checklist=[ChecklistItem.from_dict(c) for c in d.get("checklist", [])],
                   card=EvidenceCard.from_dict(d.get("card", {})), warnings=list(d.get("warnings", [])),
                   timing_ms=float(d.get("timing_ms", 0.0)))
