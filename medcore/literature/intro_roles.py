"""Background vs objective inside an abstract's introduction, sentence by sentence (session 9; convention in
docs/evals/literature-s9/README.md). Pure functions over texts and roles; the cue patterns come from the caller
(roles.cue_pattern: groups aim_statement and study_aim of assets/kb/literature/cues.yaml). A leaf module, so that
both the reader (roles) and the training data (role_data) use the one rule without an import cycle."""

from __future__ import annotations

import re

_TO_AIM = re.compile(r"^\s*(?:\(?[ivx0-9]+\)\s*)?to [a-z]+", re.IGNORECASE)  # "To determine whether ...", "(i) To ..."
# aim statements in the forms the fixed cue phrases miss (session 13): "the study objective was to", "the aim of
# our cohort review was to", "we set out to", "was undertaken to", "... to see whether" inside a sentence
_AIM_FORMS = re.compile(
    r"\b(?:(?:aims?|purposes?|objectives?|goals?)\s+(?:of\s+(?:this|the|our|the\s+present|the\s+current)\s+(?:\w+\s+)?"
    r"(?:study|work|trial|investigation|analysis|research|paper|article|report|review|survey)\s+)?(?:was|were|is|are)\s+to"
    r"|(?:study|trial|analysis|survey|review)\s+(?:aims?|objectives?|purposes?|goals?)\s+(?:was|were|is|are)"
    r"|we\s+(?:aimed|sought|set\s+out|wanted|intended|wished)\s+to|we\s+hypothes[iz]ed"
    r"|(?:was|is|were)\s+(?:designed|conducted|undertaken|performed|carried\s+out)\s+to\s"
    r"|to\s+(?:determine|assess|evaluate|investigate|examine|test|explore|establish|clarify|see)\s+(?:whether|if)\b)",
    re.IGNORECASE)
# how much an aim statement moves the classifier toward "objective" inside the sequence decode, in log-odds (x7.4):
# chosen on dev from 1 / 2 / 3 (docs/evals/literature-s13); enough to outweigh the start transition, which
# favours background, not enough to overrule a classifier that is sure of methods
AIM_BONUS = 2.0


def states_aim(text: str, aim: re.Pattern, study_aim: re.Pattern) -> bool:
    """Does an introduction sentence say what this study does? An aim statement (cue group aim_statement), a
    sentence opening with an infinitive of purpose ("To determine whether ..."), or one of the study_aim cues
    ("we investigated", "this study examines")."""
    return bool(aim.search(text) or _TO_AIM.search(text) or study_aim.search(text) or _AIM_FORMS.search(text))


def aim_bias(texts: list[str], aim: re.Pattern, study_aim: re.Pattern, roles: list[str],
             bonus: float = AIM_BONUS) -> list[list[float]]:
    """Log-odds added to the classifier's before the sequence decode (role_train.decode `bias`): `bonus` toward
    objective for a sentence in the first half of the abstract that states the study's aim. An emission
    adjustment, not an override (session 13): the transitions and the classifier still weigh in, so an aim
    sentence the classifier is sure is methods stays methods, and a cue in a conclusion ("we hypothesized ...
    is confirmed") counts for nothing."""
    if "objective" not in roles:
        return [[0.0] * len(roles) for _ in texts]
    j = roles.index("objective")
    half = len(texts) // 2 + 1
    return [[bonus if k == j and i < half and states_aim(t, aim, study_aim) else 0.0 for k in range(len(roles))]
            for i, t in enumerate(texts)]


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
