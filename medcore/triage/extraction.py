"""What the chat's NLU reads out of a text (nlu.py): the findings mentioned, with how each was read, and the
patient's age, sex, duration, severity and gestation. Its own module so that the readers of nlu_readings.py can
build it without importing the NLU that calls them (review24: nlu.py had grown past 400 lines)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Mention:
    finding_id: str
    name: str
    present: bool
    phrase: str  # the text that was matched
    method: str  # synonym | embedding | duration | severity
    score: float = 1.0


@dataclass
class Extraction:
    mentions: list[Mention] = field(default_factory=list)
    age: float | None = None
    sex: str | None = None
    duration_hours: float | None = None
    severity: str | None = None  # mild | severe | None
    uncertain: list[str] = field(default_factory=list)
    family: list[str] = field(default_factory=list)  # findings said of a relative or someone else, not the patient
    gestation_weeks: float | None = None  # '37 weeks gestation', 'G2P1 at 12 weeks' (gestation.py)

    def evidence(self) -> dict[str, bool]:
        out: dict[str, bool] = {}
        for m in self.mentions:
            # A finding both affirmed and negated keeps the affirmation: safer for triage.
            out[m.finding_id] = out.get(m.finding_id, False) or m.present
        return out

    def to_dict(self) -> dict:
        return asdict(self)
