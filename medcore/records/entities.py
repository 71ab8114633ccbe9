"""The records extraction's result types: every entity keeps character offsets into the original note
and the index of its sentence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Mention:
    text: str
    start: int
    end: int
    sentence: int  # index of the source sentence

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Problem(Mention):
    name: str = ""
    assertion: str = "present"
    section: str = ""
    concept_id: str = ""  # the knowledge layer's concept (condition:...)
    icd10cm: str = ""  # its ICD-10-CM code
    icd10cm_display: str = ""  # the code's title in the ICD-10-CM tabular list
    # further codes the problem carries beside its own: a pregnancy's weeks of gestation (Z3A.-, records/gestation.py)
    extra_codes: tuple[str, ...] = ()


@dataclass
class Medication(Mention):
    name: str = ""  # normalised (generic) name
    mention: str = ""  # as written
    dose: str = ""
    unit: str = ""
    route: str = ""
    frequency: str = ""
    prn: bool = False
    status: str = ""  # started | stopped | changed | continued | "" (not stated)
    drug_class: str = ""
    section: str = ""


@dataclass
class Allergy(Mention):
    substance: str = ""
    reaction: str = ""
    kind: str = "allergy"  # allergy | intolerance (a side effect the patient does not tolerate)


@dataclass
class Measurement(Mention):
    name: str = ""
    value: str = ""
    unit: str = ""
    flag: str = ""  # high | low | normal | "" (no range or unit mismatch)
    reference: str = ""  # "136-145 mmol/L"
    source: str = ""


@dataclass
class Procedure(Mention):
    name: str = ""
    concept_id: str = ""


@dataclass
class FollowUp(Mention):
    action: str = ""
    when: str = ""


@dataclass
class Extraction:
    problems: list[Problem] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    allergies: list[Allergy] = field(default_factory=list)
    no_known_allergies: bool = False
    vitals: list[Measurement] = field(default_factory=list)
    labs: list[Measurement] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def overlaps(spans, start, end) -> bool:
    return any(s < end and start < e for s, e in spans)
