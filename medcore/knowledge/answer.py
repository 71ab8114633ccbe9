"""What `kg ask` returns: result rows (concept, relation, target, source) and the answer around them."""

from __future__ import annotations

from dataclasses import dataclass, field

EXAMPLES = (
    "What interacts with warfarin?",
    "Which drugs need a dose change when CrCl is below 30?",
    "What are the red flags of meningitis?",
    "What can cause chest pain?",
    "First-line treatment of community-acquired pneumonia in penicillin allergy",
    "What does CPIC recommend for clopidogrel in CYP2C19 poor metabolizers?",
    "Which tests confirm pulmonary embolism?",
)


@dataclass(frozen=True)
class Row:
    concept: str
    relation: str
    target: str
    source: str
    concept_name: str = ""
    target_name: str = ""
    detail: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"concept": self.concept, "concept_name": self.concept_name, "relation": self.relation,
                "target": self.target, "target_name": self.target_name, "source": self.source,
                "detail": dict(self.detail)}


@dataclass
class Answer:
    question: str
    understood: dict
    rows: list[Row]
    text: str
    ok: bool
    excluded: list[Row] = field(default_factory=list)  # what a filter removed, with the reason and its source
    # edges laid over the graph by the caller (a user's read papers), shown beside the guideline rows and
    # marked by detail["origin"]; never mixed into `rows`, which come from the KBs alone
    literature: list[Row] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"question": self.question, "ok": self.ok, "understood": self.understood, "text": self.text,
                "rows": [r.to_dict() for r in self.rows], "excluded": [r.to_dict() for r in self.excluded],
                "literature": [r.to_dict() for r in self.literature]}


def unmapped(question: str, understood: dict, why: str) -> Answer:
    seen = ", ".join(f"{c['name']} ({c['id']})" for c in understood.get("concepts", [])) or "no known concept"
    kind = understood.get("intent") or "none"
    text = (f"{why} I understood: question kind {kind}; concepts: {seen}. "
            "Questions I can answer look like: " + " | ".join(EXAMPLES))
    return Answer(question, understood, [], text, False)
