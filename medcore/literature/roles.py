"""Sentence roles (background, objective, methods, results, conclusions).

Order of trust: a section heading (role_source 'heading', score 1.0); else the trained classifier when it is
installed (`medcore.literature.role_model`, role_source 'classifier'); else transparent rules from the
sentence's position and cue words (role_source 'rules', cue lists in assets/kb/literature/cues.yaml)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from medcore.literature import kb
from medcore.literature.intro_roles import AIM_BONUS, aim_bias, settle_intro, split_intro, states_aim
from medcore.literature.model import ROLES, Paper

log = logging.getLogger(__name__)


def load_classifier(settings):
    """The trained sentence-role classifier, or None when its module or checkpoint is not there."""
    try:
        from medcore.literature import role_model  # noqa: PLC0415 (optional: the classifier may not be built)
    except ImportError:
        return None
    try:
        return role_model.load_role_classifier(settings)
    except (FileNotFoundError, ValueError, RuntimeError, OSError) as exc:
        log.warning("sentence-role classifier not available, using rules: %s", exc)
        return None


def assign_roles(paper: Paper, hmap, settings, classifier=None) -> Paper:
    """Fill role, role_score and role_source of every sentence. `classifier=None` loads the installed one;
    pass `classifier=False` to force the rules."""
    if not paper.sentences:
        return paper
    for s in paper.sentences:
        role = hmap.role_of(s.section) if s.section else None
        if role:
            s.role, s.role_score, s.role_source = role, 1.0, "heading"
    todo = [s for s in paper.sentences if not s.role]
    if not todo:
        return paper
    if classifier is None:
        classifier = load_classifier(settings)
    if classifier:
        texts = [s.text for s in paper.sentences]
        preds = classify(settings, classifier, texts)
        if len(preds) == len(paper.sentences):
            for s, (role, score) in zip(paper.sentences, preds):
                if not s.role and role in ROLES:
                    s.role, s.role_score, s.role_source = role, float(score), "classifier"
            todo = [s for s in paper.sentences if not s.role]
        else:
            log.warning("role classifier returned %d roles for %d sentences; using rules",
                        len(preds), len(paper.sentences))
    for s, (role, score) in zip(paper.sentences, rule_roles(settings, [s.text for s in paper.sentences])):
        if not s.role:  # a heading's or the classifier's role stays
            s.role, s.role_score, s.role_source = role, score, "rules"
    return paper


def rule_roles(settings, texts: list[str]) -> list[tuple[str, float]]:
    """Rule roles of one abstract's sentences: position and cues (rule_role), then background vs objective settled
    inside the introduction as for the classifier (settle_intro, session 9). Session 24: without it an opening
    "To compare A with B." was background by position, so the PICO reader, which takes its compared arms from the
    objective, missed them whenever a pasted abstract had no headings."""
    cues = _cue_patterns(str(kb.kb_dir_of(settings)))
    preds = [rule_role(t, i, len(texts), cues) for i, t in enumerate(texts)]
    return settle_intro(texts, preds, cue_pattern(settings, "aim_statement"), cue_pattern(settings, "study_aim"))


@lru_cache(maxsize=4)
def _cue_patterns(kb_path: str) -> dict[str, re.Pattern]:
    data = kb.load(kb_path, "cues")
    return {name: kb.cue_regex(g["cues"]) for name, g in data["groups"].items()}


def cue_pattern(settings, group: str) -> re.Pattern:
    """A compiled cue group (e.g. 'limitations') for other modules of the reader."""
    return _cue_patterns(str(kb.kb_dir_of(settings)))[group]


def settle_aims(texts: list[str], preds: list[tuple[str, float]], aim: re.Pattern) -> list[tuple[str, float]]:
    """An aim statement ("the aim of this study was to ...", "we sought to ...") is the study's objective by
    definition (CONSORT for abstracts); the classifier, which leans on position and was trained on headings that
    sometimes put the aim under BACKGROUND, calls some of them background or methods. Those become objective."""
    return [("objective", p) if r in ("background", "methods") and aim.search(t) else (r, p)
            for t, (r, p) in zip(texts, preds)]


def settle(settings, texts: list[str], preds: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """For a classifier that gives roles only (no probabilities to decode): aim statements become objective
    (settle_aims, session 7), then background vs objective is split inside the introduction (settle_intro,
    session 9). The trained classifier goes through decode_roles instead."""
    aim = cue_pattern(settings, "aim_statement")
    return settle_intro(texts, settle_aims(texts, preds, aim), aim, cue_pattern(settings, "study_aim"))


def decode_roles(settings, texts: list[str], probs: list[list[float]], clf) -> list[tuple[str, float]]:
    """What the reader does with the trained classifier's probabilities (and what `eval literature` scores,
    session 13): an aim statement in the first half weighs toward objective inside the sequence decode
    (intro_roles.aim_bias, an emission adjustment instead of the session-7 override settle_aims), then background
    vs objective is split inside the introduction (settle_intro)."""
    from medcore.literature.role_train import decode

    aim, study_aim = cue_pattern(settings, "aim_statement"), cue_pattern(settings, "study_aim")
    bias = aim_bias(texts, aim, study_aim, list(clf.cfg.roles))
    bias = _add(bias, design_label_bias(texts, list(clf.cfg.roles)))
    preds = decode(probs, clf.cfg.roles, clf.decode_how, clf.transitions, bias=bias)
    return settle_intro(texts, preds, aim, study_aim)


# a sentence that only names the study's design ("Retrospective cohort study.", "A prospective multicentre
# trial"): NLM files a STUDY DESIGN section under METHODS, and every such sentence of the training split (11 of 11)
# is methods; the classifier leans on position and the start transition pulls an opening one to background
# (session 15). Log-odds toward methods, as aim_bias's toward objective (the same size, not tuned).
_DESIGN_LABEL = re.compile(
    r"^\s*(?:an?\s+)?(?:prospective|retrospective|randomi[sz]ed|cross-sectional|observational|multicent(?:er|re)|"
    r"single-cent(?:er|re)|longitudinal|population-based|case-control|cohort)\s+(?:[\w\-]+,?\s+){0,4}?"
    r"(?:study|trial|review|analysis|survey)\s*\.?\s*$", re.IGNORECASE)  # a few words between: no clause, no verb


def design_label_bias(texts: list[str], roles: list[str], bonus: float = AIM_BONUS) -> list[list[float]]:
    """`bonus` toward methods for a sentence that only names the study's design; zeros elsewhere."""
    j = roles.index("methods") if "methods" in roles else -1
    return [[bonus if k == j and _DESIGN_LABEL.match(t) else 0.0 for k in range(len(roles))] for t in texts]


def _add(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    return [[x + y for x, y in zip(ra, rb)] for ra, rb in zip(a, b)]


def classify(settings, classifier, texts: list[str]) -> list[tuple[str, float]]:
    """Roles of one abstract's sentences from a classifier: decode_roles when it gives probabilities (the trained
    one), else its own predictions settled by the cue rules (settle)."""
    if hasattr(classifier, "probabilities") and hasattr(classifier, "cfg"):
        return decode_roles(settings, texts, classifier.probabilities(texts), classifier)
    return settle(settings, texts, classifier.predict(texts))


__all__ = ["assign_roles", "classify", "cue_pattern", "decode_roles", "rule_role", "rule_roles", "settle", "settle_aims",
           "settle_intro", "split_intro", "states_aim"]


_NUMBERS = re.compile(r"(?<!\d)\d+(?:\.\d+)?\s*%|\b[pP]\s*[<=>≤]|\bCI\b|(?<!\d)\d+/\d+")  # (?<!\d): linear over digits


def rule_role(text: str, idx: int, n: int, cues: dict[str, re.Pattern]) -> tuple[str, float]:
    """Role by position and cues: a score per role from the sentence's relative position (background first,
    conclusions last) plus counted cue hits; the best role and its share of the total score."""
    pos = idx / max(1, n - 1)
    score = {
        "background": 1.2 * max(0.0, 1 - pos * 3),
        "objective": 0.8 * max(0.0, 1 - abs(pos - 0.2) * 4),
        "methods": 0.8 * max(0.0, 1 - abs(pos - 0.4) * 3),
        "results": 0.8 * max(0.0, 1 - abs(pos - 0.7) * 3),
        "conclusions": 1.5 * max(0.0, 1 - (1 - pos) * 4),
    }
    for role in ROLES:
        hits = len(cues[f"role_{role}"].findall(text))
        score[role] += 0.6 * min(hits, 3)
    numbers = len(_NUMBERS.findall(text))
    score["results"] += 0.5 * min(numbers, 4)
    if idx == n - 1:
        score["conclusions"] += 0.5
    best = max(ROLES, key=lambda r: score[r])
    total = sum(score.values()) or 1.0
    return best, round(score[best] / total, 3)
