"""The assertion rules file (assets/kb/knowledge/assertion_rules.yaml): schema, load, compile.

One file, with one profile per register of language (`clinical` notes, `lay` chat), so every word list and
pattern of the assertion engine has one home. Checked by a JSON schema and by compiling every regular
expression at load; a broken file raises `RulesError` naming the place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jsonschema

from medcore import kbyaml
from medcore.config import REPO_ROOT
from medcore.errors import DomainError

RULES_PATH = REPO_ROOT / "assets" / "kb" / "knowledge" / "assertion_rules.yaml"
CATEGORIES = ("negated", "possible", "hypothetical", "historical", "background", "family")
# "list": forward over a whole list, past the category's scope_ends ("Differential: pneumonia, PE, ACS");
# "subject": forward past the word terminators, to the category's scope_ends or the sentence's end: the subject of the
# sentence is what the whole sentence tells of ("Mother is 80 and frail after her stroke", session 30)
DIRECTIONS = ("forward", "backward", "bidirectional", "list", "subject")
# what the tools report; "hypothetical" only where a profile reports it (clinical: a risk, prevention or if-then)
ASSERTIONS = ("present", "negated", "possible", "hypothetical", "historical", "family")


class RulesError(DomainError):
    """The assertion rules file is missing or does not follow the schema."""


_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
_BY_DIRECTION = {"type": "object", "additionalProperties": False,
                 "properties": {d: {"anyOf": [_STRINGS, {"type": "null"}]} for d in DIRECTIONS}}
_BY_CATEGORY = {"type": "object", "additionalProperties": False,
                "properties": {c: _BY_DIRECTION for c in CATEGORIES}}
_CAT_STRINGS = {"type": "object", "additionalProperties": False, "properties": {c: _STRINGS for c in CATEGORIES}}
_SOURCE = {"type": "string", "minLength": 3}
PROFILE_SCHEMA = {
    "type": "object",
    "required": ["source", "modifiers", "terminators"],
    "additionalProperties": False,
    "properties": {
        "source": _SOURCE,
        # a profile that starts from another one's lists and adds its own (merged as `additions` are)
        "extends": {"type": "string", "minLength": 1},
        # categories of the extended profile left out ("question" drops "family": the relative asked about is the
        # one the question is about, not a relative's history)
        "drops": {"type": "array", "items": {"enum": list(CATEGORIES)}},
        "modifiers": _BY_CATEGORY,
        "modifier_patterns": _BY_CATEGORY,
        "terminators": _STRINGS,
        "terminator_patterns": _STRINGS,
        "pseudo": _STRINGS,
        "pseudo_patterns": _STRINGS,
        "pseudo_objects": {"type": "object", "required": ["fillers", "objects"], "additionalProperties": False,
                           "properties": {"fillers": _STRINGS, "objects": _STRINGS}},
        "scope_ends": _CAT_STRINGS,
        "scope_end_patterns": _CAT_STRINGS,
        "backward_scope_end_patterns": _CAT_STRINGS,
        "clause_scoped": {"type": "array", "items": {"enum": list(CATEGORIES)}},
        "chain": {"type": "array", "items": {"enum": list(CATEGORIES)}},
        "max_gap_words": {"type": "object", "additionalProperties": False,
                          "properties": {c: {"type": "integer", "minimum": 0} for c in CATEGORIES}},
        "report": {"type": "object", "additionalProperties": False,
                   "properties": {c: {"enum": list(ASSERTIONS)} for c in CATEGORIES}},
        "section_defaults": {"type": "object", "additionalProperties": {"enum": list(CATEGORIES)}},
        "clause_breaks": _STRINGS,
        "targets_mask_triggers": {"type": "boolean"},
        # with targets_mask_triggers: the words between a target that opens with its own cue and a later target
        # (fully matched) through which that cue still reaches the later one ("hasn't opened her bowels or passed wind")
        "own_cue_carries_over": _CAT_STRINGS,
        # the words of an as-needed order ("p.r.n.", "as needed"): each is a hypothetical trigger (a phrase of words
        # with "for" after it: "as needed for nausea"; an abbreviation alone: "prn pain"), and the one home of the
        # list for any reader of as-needed indications (records/problem_vocab.py)
        "as_needed": _STRINGS,
    },
}
SCHEMA = {
    "type": "object",
    "required": ["source", "profiles", "chronic_conditions"],
    "additionalProperties": False,
    "properties": {
        "source": _SOURCE,
        "version": {"type": "integer"},
        "profiles": {"type": "object", "minProperties": 1, "additionalProperties": PROFILE_SCHEMA},
        "chronic_conditions": {"type": "object", "required": ["source", "terms"], "additionalProperties": False,
                               "properties": {"source": _SOURCE, "terms": _STRINGS, "modifiers": _STRINGS}},
        # later additions, kept at the end of the file: each list is appended to the same list above
        "additions": {"type": "object", "additionalProperties": False, "properties": {
            "profiles": {"type": "object", "additionalProperties": {
                **PROFILE_SCHEMA, "required": ["source"]}},
            "chronic_conditions": {"type": "object", "required": ["source"], "additionalProperties": False,
                                   "properties": {"source": _SOURCE, "terms": _STRINGS, "modifiers": _STRINGS}}}},
    },
}


@dataclass(frozen=True)
class Rules:
    """One profile, compiled."""

    profile: str
    source: str
    patterns: tuple[tuple[str, str, re.Pattern], ...]  # (category, direction, trigger pattern)
    terminator: re.Pattern
    pseudo: re.Pattern | None
    scope_ends: tuple[tuple[str, re.Pattern], ...] = ()
    backward_ends: tuple[tuple[str, re.Pattern], ...] = ()  # what ends a backward scope early, per category
    clause_scoped: frozenset[str] = frozenset()
    chain: frozenset[str] = frozenset()
    max_gap: tuple[tuple[str, int], ...] = ()
    report: tuple[tuple[str, str], ...] = ()
    section_defaults: tuple[tuple[str, str], ...] = ()
    clause_break: re.Pattern | None = None
    chronic: re.Pattern | None = None
    chronic_source: str = ""
    mask_in_targets: bool = False  # a trigger or terminator overlapping a target is part of the target's words
    own_carry: tuple[tuple[str, re.Pattern], ...] = ()  # per category: the gap a target's own cue reaches across
    as_needed: re.Pattern | None = None  # the as-needed cue words (profile key as_needed), any of them


def phrase_regex(phrases, flags=re.I) -> re.Pattern:
    """One alternation over phrases, longest first, with word boundaries that also work around
    punctuation inside a phrase ('s/p') and an apostrophe typed either way ("don't", "don’t")."""
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", flags)


def read_doc(path: Path | None = None) -> dict:
    """The rules file as a validated dict."""
    path = Path(path or RULES_PATH)
    if not path.is_file():
        raise RulesError(f"assertion rules not found at {path}")
    try:
        doc = kbyaml.load(path)
    except kbyaml.KBYamlError as e:
        raise RulesError(str(e)) from e
    validate(doc, path.name)
    return extended(merge_additions(doc))


def extended(doc: dict) -> dict:
    """Each profile that `extends` another: the other's lists (its additions folded in) with its own appended, its
    own source kept, less the categories it `drops` ("question" is the lay profile plus the cues of a past episode,
    less its family cues). One level only."""
    profiles = doc["profiles"]
    out = {}
    for name, prof in profiles.items():
        base = prof.get("extends")
        if base is None:
            out[name] = prof
            continue
        if base not in profiles or profiles[base].get("extends"):
            raise RulesError(f"assertion rules: profile {name!r} extends {base!r}, which is no plain profile")
        own = {k: v for k, v in prof.items() if k not in ("extends", "drops")}
        merged = _merged(profiles[base], own)
        for key in ("modifiers", "modifier_patterns", "scope_ends", "scope_end_patterns", "max_gap_words"):
            if isinstance(merged.get(key), dict):
                merged[key] = {c: v for c, v in merged[key].items() if c not in (prof.get("drops") or ())}
        out[name] = {**merged, "source": prof["source"]}
    return {**doc, "profiles": out}


def merge_additions(doc: dict) -> dict:
    """The rules with the `additions` section folded in: every list there is appended to the list of the same
    place (profile, category, direction) above; a profile there that the file does not define is an error."""
    extra = doc.get("additions")
    if not extra:
        return doc
    out = {k: v for k, v in doc.items() if k != "additions"}
    out["profiles"] = {name: _merged(prof, (extra.get("profiles") or {}).get(name) or {})
                       for name, prof in doc["profiles"].items()}
    unknown = set(extra.get("profiles") or {}) - set(doc["profiles"])
    if unknown:
        raise RulesError(f"assertion rules: additions name unknown profiles {sorted(unknown)}")
    chronic = dict(doc["chronic_conditions"])
    for key in ("terms", "modifiers"):
        chronic[key] = list(chronic.get(key) or []) + list((extra.get("chronic_conditions") or {}).get(key) or [])
    out["chronic_conditions"] = chronic
    return out


def _merged(base, more):
    """`more` appended into `base`: lists are concatenated, mappings merged key by key, anything else kept."""
    if isinstance(base, dict) and isinstance(more, dict):
        out = dict(base)
        for key, value in more.items():
            if key == "source":
                continue
            out[key] = _merged(base.get(key), value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(more, list):
        return list(base) + list(more)
    return base if more is None else more


def validate(doc, name: str = "assertion_rules.yaml") -> None:
    _no_booleans(doc, name)
    try:
        jsonschema.validate(doc, SCHEMA)
    except jsonschema.ValidationError as e:
        where = ".".join(str(p) for p in e.absolute_path) or "(top)"
        raise RulesError(f"{name}: {where}: {e.message}") from e
    added = ((doc.get("additions") or {}).get("profiles") or {}).items()
    for pname, prof in [*doc["profiles"].items(), *((f"additions.{n}", p) for n, p in added)]:
        for key in ("modifier_patterns", "scope_end_patterns", "backward_scope_end_patterns"):
            for cat, items in (prof.get(key) or {}).items():
                regexes = [r for v in items.values() for r in (v or [])] if isinstance(items, dict) else items
                _check_regexes(regexes, f"{name}: profiles.{pname}.{key}.{cat}")
        for key in ("terminator_patterns", "pseudo_patterns", "clause_breaks"):
            _check_regexes(prof.get(key) or [], f"{name}: profiles.{pname}.{key}")
        if not pname.startswith("additions.") and not any((prof["modifiers"].get(c) or {}) for c in prof["modifiers"]):
            raise RulesError(f"{name}: profiles.{pname}.modifiers: no trigger at all")


def _no_booleans(node, where: str) -> None:
    """YAML reads a bare no/yes/on/off as a boolean: a trigger word must be quoted ("no", "on")."""
    if isinstance(node, bool) and not where.endswith("targets_mask_triggers"):
        raise RulesError(f"{where}: {node!r} is a YAML boolean; quote trigger words such as \"no\" and \"on\" "
                         "(booleans are not allowed)")
    if isinstance(node, dict):
        for k, v in node.items():
            _no_booleans(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            _no_booleans(v, f"{where}[{i}]")


def _check_regexes(regexes, where: str) -> None:
    for r in regexes:
        try:
            re.compile(r)
        except re.error as e:
            raise RulesError(f"{where}: bad pattern {r!r}: {e}") from e


@lru_cache(maxsize=8)
def load_rules(profile: str = "clinical", path: str | None = None) -> Rules:
    """The compiled rules of one profile (cached per process)."""
    doc = read_doc(Path(path) if path else None)
    if profile not in doc["profiles"]:
        raise RulesError(f"assertion rules: no profile {profile!r} (have {sorted(doc['profiles'])})")
    return compile_profile(profile, doc["profiles"][profile], doc["chronic_conditions"])


def compile_profile(name: str, prof: dict, chronic: dict | None = None) -> Rules:
    patterns = []
    as_needed = prof.get("as_needed") or []
    if as_needed:  # "p.r.n." alone, "as needed for": hypothetical triggers
        patterns.append(("hypothetical", "forward", phrase_regex([c if " " not in c else f"{c} for" for c in as_needed])))
    for key, build in (("modifiers", phrase_regex), ("modifier_patterns", _alternation)):
        for cat, dirs in sorted((prof.get(key) or {}).items()):
            for direction, items in sorted((dirs or {}).items()):
                if items:
                    patterns.append((cat, direction, build(items)))
    words = [t for t in prof["terminators"] if t != ";"]
    term_parts = ([phrase_regex(words).pattern] if words else []) + [";"] * (";" in prof["terminators"])
    term_parts += [f"(?:{r})" for r in prof.get("terminator_patterns") or []]
    pseudo_parts = [phrase_regex(prof["pseudo"]).pattern] if prof.get("pseudo") else []
    pseudo_parts += [f"(?:{r})" for r in prof.get("pseudo_patterns") or []]
    objects = prof.get("pseudo_objects")
    if objects:
        cues = [p for d in ("forward", "bidirectional") for p in ((prof["modifiers"].get("negated") or {}).get(d) or [])]
        fillers = phrase_regex(objects["fillers"]).pattern
        pseudo_parts.append(rf"{phrase_regex(cues).pattern}(?:\s+{fillers})*\s+{phrase_regex(objects['objects']).pattern}")
    end_parts: dict[str, list[str]] = {}
    for cat, chars in (prof.get("scope_ends") or {}).items():
        end_parts.setdefault(cat, []).extend(re.escape(c) for c in chars)
    for cat, regexes in (prof.get("scope_end_patterns") or {}).items():
        end_parts.setdefault(cat, []).extend(f"(?:{r})" for r in regexes)
    return Rules(
        profile=name, source=prof["source"], patterns=tuple(patterns),
        terminator=re.compile("|".join(term_parts) or r"(?!)", re.I),
        pseudo=re.compile("|".join(pseudo_parts), re.I) if pseudo_parts else None,
        scope_ends=tuple((c, re.compile("|".join(p), re.I)) for c, p in sorted(end_parts.items()) if p),
        backward_ends=tuple((c, _alternation(p)) for c, p in sorted((prof.get("backward_scope_end_patterns") or {}).items())
                            if p),
        clause_scoped=frozenset(prof.get("clause_scoped") or ()),
        chain=frozenset(prof.get("chain") or ()),
        max_gap=tuple(sorted((prof.get("max_gap_words") or {}).items())),
        report=tuple(sorted((prof.get("report") or {}).items())),
        section_defaults=tuple(sorted((prof.get("section_defaults") or {}).items())),
        clause_break=_alternation(prof["clause_breaks"]) if prof.get("clause_breaks") else None,
        chronic=_chronic(chronic["terms"], chronic.get("modifiers") or ()) if chronic else None,
        chronic_source=chronic["source"] if chronic else "",
        mask_in_targets=bool(prof.get("targets_mask_triggers")),
        own_carry=tuple((c, _alternation(p)) for c, p in sorted((prof.get("own_cue_carries_over") or {}).items()) if p),
        as_needed=phrase_regex(as_needed) if as_needed else None,
    )


def _chronic(terms, modifiers=()) -> re.Pattern:
    """A whole mention naming a chronic condition, with an optional stage or class ("CKD stage 3a"), or any
    condition under a word that says it lasts ("chronic low back pain", "longstanding leg pain")."""
    named = rf"{phrase_regex(terms).pattern}(?:\s+(?:stage|grade|class|type)\s*[0-9ivx]+[a-d]?)?"
    if modifiers:
        named = rf"(?:{named}|{phrase_regex(modifiers).pattern}\s+\S.*)"
    return re.compile(named, re.I)


def _alternation(regexes) -> re.Pattern:
    return re.compile("|".join(f"(?:{r})" for r in regexes), re.I)
