"""Combination codes (issue 11, session 26): two conditions named together that ICD-10-CM codes as one ("cholelithiasis
with acute cholecystitis" K80.00, "BPH with urinary retention" N40.1, "coronary artery disease with unstable angina"
I25.110). The pairs are data (assets/kb/records/combination_codes.yaml, with their index source); a pair counts only
when nothing but a linking word stands between the two mentions, in either order ("acute cholecystitis with
cholelithiasis", "urinary retention due to BPH"). The anchor takes the combination code; the partner is kept."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.errors import DomainError
from medcore.knowledge import link_words

log = logging.getLogger(__name__)

PATH = REPO_ROOT / "assets" / "kb" / "records" / "combination_codes.yaml"
# what may stand between the two mentions: one linking phrase (knowledge/link_words.py, one home), with an article or a
# severity word, then a side ('with right-sided sciatica', session 30b), after it; not a bare "and". It starts after a
# letter (the lookbehind keeps a search over a run of blanks linear); fullmatch is used from a mention's end
_LINK = re.compile(r"(?<![ ,])[ ,]*+(?:" + link_words.alternation(link_words.FORWARD + link_words.BACKWARD) + ")"
                   r"(?:[ ]++(?:an?|the|some|mild|moderate|severe|symptomatic))?(?:[ ]++(?:right|left)(?:-sided)?)?[ ]*+", re.I)


@dataclass(frozen=True)
class Pair:
    anchor: str
    partner: str
    code: str
    keep_partner: bool = False


class CombinationError(DomainError):
    """The combination table does not follow its format (the message names the entry)."""


def build(data: dict) -> tuple[Pair, ...]:
    if not isinstance(data, dict) or not data.get("source"):
        raise CombinationError("combination codes: a source is required")
    out = []
    for i, item in enumerate(data.get("combinations") or []):
        if not all(isinstance(item.get(k), str) and item[k] for k in ("anchor", "partner", "code")):
            raise CombinationError(f"combination {i}: anchor, partner and code are required")
        if not isinstance(item.get("keep_partner", False), bool):
            raise CombinationError(f"combination {i}: keep_partner is true or false")
        out.append(Pair(item["anchor"], item["partner"], item["code"], item.get("keep_partner", False)))
    return tuple(out)


@lru_cache(maxsize=2)
def table(path: Path = PATH) -> tuple[Pair, ...]:
    return build(kbyaml.load(path))


def _combined(anchor_code: str, partner_code: str, pairs) -> Pair | None:
    return next((p for p in pairs if anchor_code == p.anchor and partner_code.startswith(p.partner)), None)


def apply(sentence: str, hits: list, term, pairs=None) -> tuple[list, set[int]]:
    """`hits` ((mention, concept, code) of the present problems, in the sentence's order) with each anchor told with
    its partner recoded to the combination code (when the terminology knows that code), and the indices of the
    partners the combination code takes in (to be dropped)."""
    pairs = table() if pairs is None else pairs
    out, dropped = list(hits), set()
    for i, (a, _, code_a) in enumerate(hits):
        for j, (b, _, code_b) in enumerate(hits):
            if i == j or not code_a or not code_b:
                continue
            first, second = (a, b) if a.end <= b.start else (b, a)
            if first.end > second.start or _LINK.fullmatch(sentence, first.end, second.start) is None:
                continue
            pair = _combined(code_a, code_b, pairs)
            concept = term.get(f"icd10cm:{pair.code}") if pair else None
            if concept is not None:
                out[i] = (a, concept, pair.code)
                if not pair.keep_partner:
                    dropped.add(j)
                break
    return out, dropped - {i for i, h in enumerate(out) if h is not hits[i]}
