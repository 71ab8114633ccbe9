"""A clause that says a body function works as it should ('breathing feels easy', 'my eyesight is clear') is not sent
to the embedding index: a sentence embedding does not keep polarity, and such a clause sits next to the phrase of the
abnormal state ('eyesight is blurry'), so the fallback read the finding present (session 26b, issue 12). The words
live in assets/kb/triage/normal_state.yaml; a word after a negation of the same clause ('can't hear well', "I'm not
well") does not count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from medcore.knowledge.kbfiles import read_yaml

_WORDS = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 2}}
SCHEMA = {"type": "object", "required": ["version", "source", "words", "negations", "conditions", "phrase_final",
                                         "contrasts"],
          "additionalProperties": False,
          "properties": {"version": {"const": 1}, "source": {"type": "string", "minLength": 5},
                         "words": _WORDS, "negations": _WORDS, "conditions": _WORDS, "phrase_final": _WORDS,
                         "contrasts": _WORDS}}


@dataclass(frozen=True)
class NormalState:
    word: re.Pattern
    negation: re.Pattern
    condition: re.Pattern  # a clause opening with one tells when the person is well: the trigger, not a normal state
    phrase_final: re.Pattern  # an absent phrase ending in one calls the part normal ('bowels normal')
    contrast: re.Pattern  # 'but', 'although': the parts of a chunk either side may differ in polarity

    def parts(self, chunk: str) -> list[str]:
        """A chunk cut at its contrast words ('my vision is clear but there's a curtain' -> two parts)."""
        return [p for p in self.contrast.split(chunk) if p.strip()]

    def says_normal(self, chunk: str) -> bool:
        """Whether a lower-case chunk holds a normal-state word with no negation before it in the chunk, and does not
        open with a condition ('when I stay off dairy I'm fine')."""
        if self.condition.match(chunk.lstrip()):
            return False
        for m in self.word.finditer(chunk):
            if not self.negation.search(chunk, 0, m.start()):
                return True
        return False


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=4)
def load(kb_dir: str) -> NormalState | None:
    """The normal-state words of a triage KB folder (None when it has no normal_state.yaml)."""
    path = Path(kb_dir) / "normal_state.yaml"
    if not path.is_file():
        return None
    doc = read_yaml(path)
    jsonschema.validate(doc, SCHEMA)
    word = re.compile(rf"(?<![a-z'])(?:{_alt(w.lower() for w in doc['words'])})(?![a-z])")
    # "n't" is written onto its verb ("can't"): it needs no word boundary before it
    glued = [n.lower() for n in doc["negations"] if n.startswith("n'")]
    free = [n.lower() for n in doc["negations"] if not n.startswith("n'")]
    negation = re.compile("|".join(filter(None, [_alt(glued), rf"(?<![a-z'])(?:{_alt(free)})(?![a-z])"])))
    condition = re.compile(rf"(?:{_alt(c.lower() for c in doc['conditions'])})(?![a-z])")
    final = re.compile(rf"(?<![a-z'])(?:{_alt(w.lower() for w in doc['phrase_final'])})$")
    contrast = re.compile(rf"(?<![a-z'])(?:{_alt(c.lower() for c in doc['contrasts'])})(?![a-z])")
    return NormalState(word, negation, condition, final, contrast)
