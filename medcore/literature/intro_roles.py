"""Background vs objective inside an abstract's introduction, sentence by sentence (session 9; convention in
docs/evals/literature-s9/README.md). Pure functions over texts and roles; the cue patterns come from the caller
(roles.cue_pattern: groups aim_statement and study_aim of assets/kb/literature/cues.yaml). A leaf module, so that
both the reader (roles) and the training data (role_data) use the one rule without an import cycle."""

from __future__ import annotations

import re

_TO_AIM = re.compile(r"^\s*(?:\(?[ivx0-9]+\)\s*)?to [a-z]+", re.IGNORECASE)  # "To determine whether ...", "(i) To ..."


def states_aim(text: str, aim: re.Pattern, study_aim: re.Pattern) -> bool:
    """Does an introduction sentence say what this study does? An aim statement (cue group aim_statement), a
    sentence opening with an infinitive of purpose ("To determine whether ..."), or one of the study_aim cues
    ("we investigated", "this study examines")."""
    return bool(aim.search(text) or _TO_AIM.search(text) or study_aim.search(text))


def split_intro(texts: list[str], roles: list, aim: re.Pattern, study_aim: re.Pattern) -> list:
    """Background vs objective inside each run of consecutive sentences that share a role (session 9, convention
    in docs/evals/literature-s9): in a background run, a sentence that states the aim is objective; in an
    objective run that holds at least one aim-stating sentence, the sentences that do not state it are context,
    i.e. background. Other roles, and objective runs with no aim-stating sentence, are left as they are. Used on
    the weak training labels (role_data) and on the classifier's output (settle_intro)."""
    out = list(roles)
    i, n = 0, len(roles)
    while i < n:
        j = i
        while j < n and roles[j] == roles[i]:
            j += 1
        if roles[i] in ("background", "objective"):
            flags = [states_aim(texts[k], aim, study_aim) for k in range(i, j)]
            for k, f in zip(range(i, j), flags):
                if roles[i] == "background" and f:
                    out[k] = "objective"
                elif roles[i] == "objective" and not f and any(flags):
                    out[k] = "background"
        i = j
    return out


def settle_intro(texts: list[str], preds: list[tuple[str, float]], aim: re.Pattern,
                 study_aim: re.Pattern) -> list[tuple[str, float]]:
    """split_intro applied to the classifier's (role, score) output; scores are kept."""
    roles = split_intro(texts, [r for r, _ in preds], aim, study_aim)
    return [(r, p) for r, (_, p) in zip(roles, preds)]
