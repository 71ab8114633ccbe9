"""The warning record every check produces, and the severity order used to group them."""

from __future__ import annotations

from dataclasses import dataclass, field

from medcore.knowledge.interaction_text import sentences  # noqa: F401 - its home is the knowledge layer; kept here for therapy

SEVERITIES = ("contraindicated", "major", "moderate", "minor", "info")
RANK = {s: i for i, s in enumerate(SEVERITIES)}

# Two CURRENT medicines their rule says not to take together (Plan.current_conflicts), by severity: what the plan's
# warning asks of the clinician and what the patient handout tells the patient. One table, so the handout never
# asks for more, or less, than the plan does.
CONFLICT_WORDS = {
    "contraindicated": ("a contraindicated combination: stop or replace one of them",
                        "should not be taken together: your prescriber may need to stop or replace one of them"),
    "major": ("a combination its source advises avoiding: change one of them",
              "are best not taken together: your prescriber may need to change one of them"),
}
# A PLANNED medicine carrying a contraindicated warning, or one its source says to avoid (a clinician's override, or
# the least bad option): the handout says so without naming the finding, which the clinician explains.
ITEM_CONCERN_PATIENT = ("the checks on this plan found a serious concern with this medicine for you; ask your "
                        "clinician about it before you start it.")
CONFLICT_PATIENT_ADVICE = ("Do not stop or change either of them on your own; talk soon to the clinician who "
                           "prescribes them.")


@dataclass
class Issue:
    severity: str  # contraindicated | major | moderate | minor | info
    kind: str  # interaction | allergy | contraindication | pgx | renal | hepatic | pregnancy | lactation | age | beers | duplicate | dose | duration | input | guideline | qt | anticholinergic | unchecked
    text: str
    source: str = ""
    drugs: list[str] = field(default_factory=list)
    # the cited source says to avoid this combination (not only monitor or adjust); the planner
    # ranks an option carrying such an issue below every alternative without one
    avoid: bool = False

    def key(self) -> tuple:
        return (self.severity, self.kind, self.text)


def grouped(issues: list[Issue]) -> dict[str, list[Issue]]:
    """Issues by severity (most severe first), duplicates removed."""
    out: dict[str, list[Issue]] = {s: [] for s in SEVERITIES}
    seen = set()
    for i in sorted(issues, key=lambda i: RANK[i.severity]):
        if i.key() in seen:
            continue
        seen.add(i.key())
        out[i.severity].append(i)
    return {k: v for k, v in out.items() if v}
