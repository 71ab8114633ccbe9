"""Study design, blinding, randomisation, setting and trial registrations, from cue phrases (data in
assets/kb/literature/designs.yaml) and, when an export carries them, NLM publication types."""

from __future__ import annotations

import re
from functools import lru_cache

from medcore.literature import kb, registrations
from medcore.literature.model import Design, Paper, Sentence
from medcore.literature.numwords import NUMBER_WORDS

# How much a cue counts by where it is: a design named in the background is usually someone else's study.
_ROLE_WEIGHT = {"objective": 3.0, "methods": 3.0, "results": 1.5, "conclusions": 1.0, "background": 0.4, "": 1.5}
# the design of this paper's own study, named in any section: "we designed this cross-sectional survey to ...",
# "in our retrospective cohort" (a background sentence names others' studies, but not with "this" or "our";
# session 23c)
_OWN_STUDY = re.compile(r"\b(?:this|our|the\s+present|the\s+current)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)
# "this retrospective study": when data were collected, said of cohorts and case series alike; not a kind to settle on
_DIRECTION = re.compile(r"(?:retro|pro)spective", re.IGNORECASE)
_NEGATED = re.compile(r"(?:non|quasi|not|pseudo)[- ]?$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _compiled(kb_path: str):
    data = kb.load(kb_path, "designs")
    designs = [(d["kind"], d["priority"] if "priority" in d else 0, kb.cue_regex(d["cues"]),
                {p.lower() for p in d.get("publication_types", [])},
                [re.compile(p, re.IGNORECASE) for p in d.get("not_after", [])]) for d in data["designs"]]
    # cue phrases, and (session 24b) `patterns` that say in words who was blinded
    blinding = [(b["kind"], re.compile("|".join([kb.cue_regex(b["cues"]).pattern] + b.get("patterns", [])), re.IGNORECASE))
                for b in data["blinding"]]
    setting = (kb.cue_regex(data["setting"]["cues"]), kb.cue_regex(data["setting"]["scope_cues"]),
               [re.compile(p, re.IGNORECASE) for p in data["setting"].get("place_patterns", [])],
               kb.cue_regex(data["setting"]["abbreviation_cues"]))  # required by the schema (kb.py)
    labels = {d["kind"]: d["label"] for d in data["designs"]}
    unnamed = [(u["kind"], u["why"], [re.compile(p, re.IGNORECASE) for p in u["patterns"]],
                frozenset(u.get("roles", _UNNAMED_ROLES))) for u in data.get("unnamed_design", [])]
    once = data.get("one_time") or {}
    asked = [p for kind, _, patterns, _ in unnamed if kind == "cross_sectional" for p in patterns]
    one_time = ({c.lower() for c in once.get("generic_cohort_cues", [])},
                [re.compile(p, re.IGNORECASE) for p in once.get("signs", [])] + asked,
                [re.compile(p, re.IGNORECASE) for p in once.get("follow_up", [])])
    return designs, blinding, setting, labels, unnamed, one_time


def design_label(settings, kind: str) -> str:
    return _compiled(str(kb.kb_dir_of(settings)))[3].get(kind, kind.replace("_", " "))


def _hits(pattern: re.Pattern, text: str, not_after=()) -> list[re.Match]:
    """The cue's matches, less a negated one ("non-randomised") and one right after a context of the kind's
    `not_after` (a trial named as the source of the data, session 25b)."""
    return [m for m in pattern.finditer(text) if not _NEGATED.search(text[max(0, m.start() - 6): m.start()])
            and not any(p.search(text[max(0, m.start() - 80): m.start()]) for p in not_after)]


# a sentence about work still to do names a design someone should use, not this study's ("further randomised
# trials are needed", "should be confirmed in a prospective cohort study"), session 25b
_FUTURE = re.compile(r"\b(?:are|is|be)\s+(?:still\s+)?(?:needed|required|warranted|necessary)\b|\bshould\s+be\s+"
                     r"(?:confirmed|validated|tested|evaluated|investigated|examined|studied|replicated|explored)\b|"
                     r"\b(?:future|further|larger|additional)\s+(?:[\w\-]+\s+){0,2}?(?:studies|research|trials|investigations?)\b|"
                     r"\bwarrants?\s+(?:further|a\s+larger)\b", re.IGNORECASE)


def read_design(settings, paper: Paper) -> Design:
    designs, blinding, setting_re, _, unnamed, one_time = _compiled(str(kb.kb_dir_of(settings)))
    units = [(-1, paper.title, 3.0)] if paper.title else []
    # a role from the position rules is a guess: it does not discount a sentence as a heading or classifier does
    units += [(s.idx, s.text, 1.5 if s.role_source == "rules" else _ROLE_WEIGHT.get(s.role, 1.0))
              for s in paper.sentences]
    out = Design()
    pubtypes = {p.lower() for p in paper.publication_types}
    best = None  # (priority, score, kind, idx, cue)
    # a methods sentence tells what this study did, even worded as work to do is ("in this prospective cohort
    # study, additional investigations were done when symptoms recurred"): no future work is read there (session 26)
    methods = {s.idx for s in paper.sentences if s.role == "methods"}
    for kind, priority, pattern, types, not_after in designs:
        score, where, cue = 0.0, -1, ""
        if pubtypes & types:
            score += 10.0
        for idx, text, weight in units:
            hits = _hits(pattern, text, not_after) if idx in methods or not _FUTURE.search(text) else []
            if hits and any(_OWN_STUDY.search(text[max(0, m.start() - 40):m.start()]) and not _DIRECTION.match(m.group(0))
                            for m in hits):
                weight = max(weight, _ROLE_WEIGHT["methods"])  # "in our cross-sectional survey" (any section)
            if hits:
                score += weight
                if not cue or weight > 1.0 and where == -1:
                    where, cue = idx, hits[0].group(0)
        if score >= 1.0 and (best is None or (priority, score) > (best[0], best[1])):
            best = (priority, score, kind, where, cue or "publication type")
    if best:
        out.kind, out.kind_sentence_idx, out.kind_cue = best[2], best[3], best[4]
        # a design the authors state under a DESIGN heading ("DESIGN: Case series.") is their label: the comparison
        # of groups or one series seen elsewhere does not re-read it (session 26)
        stated = any(s.idx == out.kind_sentence_idx and re.search(r"\bdesign\b", s.section or "", re.I)
                     for s in paper.sentences)
        if not stated and out.kind == "case_series" and _compares_groups(paper):
            out.kind, out.kind_inferred = "cohort", _SPLIT_SERIES
        elif not stated and out.kind == "cohort" and _one_series(paper):
            out.kind, out.kind_inferred = "case_series", _ONE_SERIES
        elif not stated and out.kind == "cross_sectional" and out.kind_cue.lower() in ("survey", "questionnaire study") \
                and _asked_again(paper):
            out.kind, out.kind_inferred = "cohort", _ASKED_AGAIN
        elif out.kind == "systematic_review" and any(_POOLED.search(x.text) for x in paper.sentences
                                                    if x.role not in ("background", "conclusions")):
            out.kind, out.kind_inferred = "meta_analysis", _POOLED_WHY  # session 30
    else:
        _infer_unnamed(out, paper, unnamed)
        cue_text = next((x.text for x in paper.sentences if x.idx == out.kind_sentence_idx), "")
        if out.kind == "case_control" and _BOTH_TREATED.search(cue_text[:max(0, cue_text.find(out.kind_cue))]):
            # both groups had the intervention (a pharmacokinetic comparison): no case-control (review fix)
            out = Design()
            _infer_unnamed(out, paper, [u for u in unnamed if u[0] != "case_control"])
        if out.kind == "case_series" and _compares_groups(paper):  # as for a named series (session 27)
            out.kind, out.kind_inferred = "cohort", _SPLIT_SERIES
    if out.kind == "cohort" and _measured_once(paper, out, one_time):
        out.kind, out.kind_inferred = "cross_sectional", _ONE_TIME
    by_weight = sorted(units, key=lambda u: -u[2])  # stable: reading order within a weight
    # session 29: a review's "double-blind randomised trials" says which trials it pooled, not how it was done
    for kind, pattern in (() if out.kind in ("systematic_review", "meta_analysis") else blinding):
        for idx, text, weight in by_weight:
            if _hits(pattern, text):
                out.blinding, out.blinding_sentence_idx = kind, idx
                break
        if out.blinding:
            break
    out.randomised = {"rct": True, "nonrandomised_trial": False}.get(out.kind)
    kind_re, scope_re, place_res, abbrev_re = setting_re
    for cue_re in (kind_re, abbrev_re):  # a place named in full first, then by abbreviation (session 25b)
        for idx, text, weight in by_weight:
            hits = [m for m in _hits(cue_re, text)
                    if not (_STAY.match(text, m.end()) or _LENGTH_OF.search(text[max(0, m.start() - 20):m.start()]))]
            if hits:
                # a unit named in its own words within the cue's place is the more exact setting ("a walk-in
                # dermatology clinic in a rural general hospital" holds "general hospital"), session 25b
                held = next((m for p in place_res for m in p.finditer(text)
                             if m.start("place") < hits[0].start() and hits[0].end() <= m.end("place")
                             and _WITHIN.search(text, m.start("place"), hits[0].start())), None)
                out.setting = held.group("place") if held else _setting_phrase(text, hits[0])
                out.setting_sentence_idx = idx
                break
        if out.setting:
            break
    # no kind named by a cue: a place the people were brought to, named in its own words (session 24)
    for idx, text, weight in (by_weight if not out.setting else []):
        m = next((m for p in place_res for m in p.finditer(text) if not _STAY.match(text, m.end("place"))), None)
        if m:
            out.setting, out.setting_sentence_idx = m.group("place"), idx
            break
    for idx, text, weight in by_weight:  # how many centres: said beside the kind of place, never instead of it
        hits = _hits(scope_re, text)
        if hits:
            out.scope, out.scope_sentence_idx = hits[0].group(0), idx
            break
    out.registrations = registrations.find(settings, [(idx, text) for idx, text, _ in units])
    return out


# a consecutive series split into groups whose outcomes are compared is a cohort study (STROBE: a cohort compares
# outcomes by exposure or treatment; a case series describes one group), session 13
# a drug or procedure given to the groups that follow ("Drug X was given to 12 patients with renal impairment and 12
# healthy volunteers"): the groups are compared under the same intervention, not cases against controls
_BOTH_TREATED = re.compile(r"\b(?:given|administered|dosed|infused|injected|applied)\s+(?:\w+\s+){0,3}?to\b|\breceived\b", re.I)
_SPLIT_SERIES = "a series of patients split into groups whose outcomes are compared"
_COMPARED_GROUPS = re.compile(r"\bcompar(?:e|ed|ing)\b(?!\s+(?:with|to)\s+(?:the\s+)?(?:preoperative|pre-operative|baseline|"
                              r"pretreatment|pre-treatment|before|the\s+literature|published|previous\s+reports))"
                              r"|\bbetween\s+(?:the\s+)?(?:two|2|three|3|both)\s+groups\b"
                              # (session 27) a second group labelled in brackets: "... in 22 patients (group 2)"
                              r"|\(\s*group\s+(?:2|II|B)\s*\)", re.I)
# a case series describes one group with no comparison (CARE; Dekkers et al. 2012: a cohort study compares
# exposed with unexposed people, a case series has no comparison group): a "cohort" read from a retrospective or
# chart-review cue, for one series of consecutive patients that compares nobody, is a case series (session 18)
# session 30: a review that gives pooled estimates is a meta-analysis though it does not say the word (a Cochrane
# review's "relative risk 0.69, 95% CI 0.58 to 0.81; 18 studies, 3956 infants"; the I² of the pooled trials)
_POOLED = re.compile(r"\b(?:95\s*%\s*CI|confidence\s+interval)\b[^;()\[\]]{0,40};\s*(?:\d+|" + NUMBER_WORDS.pattern + r")\s+(?:studies|trials|RCTs)\b"
                     r"|\bI\s?(?:²|2|\^2)\s*=\s*\d", re.I)
_POOLED_WHY = "a review that pools its trials' results (estimates over several studies)"
_ONE_SERIES = "one series of consecutive patients, with no comparison group"
_SERIES_CUE = re.compile(r"\bconsecutive\s+(?:\w+\s+){0,2}?(?:patients|cases|children|adults|women|men)\b|\bcase\s+series\b"
                         # (session 27) a few cases named as such: "Two cases of X were identified"
                         r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+(?:[\w\-]+\s+){0,2}?cases\s+of\b", re.I)
_A_COMPARISON = re.compile(r"\bcohort\b|\bversus\b|\bvs\.?(?!\w)|\bthan\b|\bcontrols?\b|\bgroups\b|\bexposed\b|"
                           r"\bassociated\s+with\b|\brisk\s+factors?\b|\bodds\s+ratio|\bhazard\s+ratio|\brelative\s+risk|"
                           r"\bpredict|\b(?:non-?)?users?\b|\bdid\s+not\b|\bthose\s+who\b|\bamong\b", re.I)
_AN_ESTIMATE = re.compile(r"\b(?:a?HR|a?OR|a?RR|IRR)\b")  # case kept: "or" is a word


def _one_series(paper: Paper) -> bool:
    units = [paper.title] + [s.text for s in paper.sentences]
    return (any(_SERIES_CUE.search(t or "") for t in units) and not _compares_groups(paper)
            and not any(_A_COMPARISON.search(t or "") or _AN_ESTIMATE.search(t or "") for t in units))


def _compares_groups(paper: Paper) -> bool:
    units = [paper.title] + [s.text for s in paper.sentences if s.role in ("objective", "methods", "results", "")]
    return any(_COMPARED_GROUPS.search(t or "") for t in units)


_UNNAMED_ROLES = ("methods", "")
_ONE_TIME = "people measured at one time (a prevalence or one questionnaire), with no follow-up"
_DATED = "enrolled over a calendar period"  # the cohort `why` of a date range alone


_ASKED_AGAIN = "the same people surveyed again at later times (a panel survey follows its people)"
# (session 28) a survey whose own people are asked again: "at baseline and 12 months", "at 6 and 12 months",
# "repeated after one year", "the same respondents were re-surveyed" (STROBE items 5-6: follow-up makes a cohort);
# a survey repeated in new samples ("repeated cross-sectional", "serial surveys") stays cross-sectional
_AGAIN = re.compile(r"\b(?:at|after)\s+(?:baseline\s+and\s+(?:at\s+|after\s+)?)?\d+\s+(?:and|or|,)\s+\d+\s+(?:weeks|months|years)\b"
                    r"|\bat\s+baseline\s+and\s+(?:again\s+)?(?:at|after)\s+(?:\d+|one|two|three|six|twelve)\s+(?:weeks|months|years)\b"
                    r"|\b(?:re-?surveyed|re-?interviewed|surveyed\s+again|asked\s+again|followed\s+up)\b"
                    r"|\b(?:longitudinal|panel)\s+(?:survey|study|data)\b", re.I)
_NEW_SAMPLES = re.compile(r"\b(?:repeated|serial|successive|consecutive)\s+(?:cross-?sectional|national|annual)?\s*surveys\b"
                          r"|\brepeated\s+cross-?sectional\b", re.I)


def _asked_again(paper: Paper) -> bool:
    own = [paper.title or ""] + [s.text for s in paper.sentences if s.role in ("objective", "methods", "")]
    return any(_AGAIN.search(t) for t in own) and not any(_NEW_SAMPLES.search(t) for t in own)


def _measured_once(paper: Paper, out: Design, one_time) -> bool:
    """A cohort read from a word that names no follow-up (a generic cue or dates of enrolment) whose own sentences
    show one time of measurement and none shows follow-up (designs.yaml `one_time`, session 24c)."""
    generic, signs, follow_up = one_time
    dated = out.kind_inferred and _DATED in out.kind_inferred and re.search(r"\b(?:19|20)\d\d\b", out.kind_cue) \
        and not re.search(r"prospectiv|follow", out.kind_cue, re.I)  # the date range alone, not "again" or follow-up
    if not (out.kind_cue.lower() in generic or dated):
        return False
    own = [paper.title or ""] + [s.text for s in paper.sentences if s.role in ("objective", "methods", "results", "")]
    return any(p.search(t) for p in signs for t in own) and not any(p.search(t) for p in follow_up for t in own)



def _in_roles(s: Sentence, roles) -> bool:
    """A sentence of the roles a kind is read in; (session 28) an opening sentence that only the position rules
    called background or objective (an unheaded abstract: "Patients with X admitted to ... were questioned") may
    be the methods, so it is read as they are when the kind reads the methods."""
    role = s.role or ""
    return role in roles or (s.role_source == "rules" and role in ("background", "objective") and "methods" in roles)


def _infer_unnamed(out: Design, paper: Paper, unnamed) -> None:
    """No design named: the first kind whose pattern a methods (or unlabelled) sentence shows. Only the methods
    say how this study's people were studied; dates in the background or results are about something else. A kind
    may name more roles (a case report says what it reports in its objective: "To report an unusual ...")."""
    title = [Sentence(-1, paper.title, 0, 0, None, "objective")] if paper.title else []
    for kind, why, patterns, roles in unnamed:
        # a kind read from the objective only (agreement as the study's aim) reads the title too: "Agreement of two
        # scores for X" states the aim (review fix)
        for s in (s for s in (title if list(roles) == ["objective"] else []) + paper.sentences if _in_roles(s, roles)):
            m = next((m for p in patterns for m in [p.search(s.text)] if m), None)
            if m:
                out.kind, out.kind_sentence_idx, out.kind_cue, out.kind_inferred = kind, s.idx, m.group(0), why
                return


def _setting_phrase(text: str, m: re.Match) -> str:
    """The cue as written, with the place noun it qualifies ('tertiary referral' + 'IVF units'), and a place
    named after it in the sentence ('14 hospitals; in Denmark')."""
    head = _PLACE_HEAD.match(text, m.end())
    end = head.end() if head else m.end()
    place = re.search(r"\b(?:in|from|across|at)\s+(?:the\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})", text[m.start():])
    # how many sites, when the count stands right before the cue ("four community clinics", "12 hospitals")
    count = _SITE_COUNT.search(text[max(0, m.start() - 40):m.start()])
    return (f"{count.group(1)} " if count else "") + text[m.start():end] + (f"; in {place.group(1)}" if place else "")


# a cue that qualifies a place noun next to it ("tertiary referral hospital", "tertiary care IVF units"): the
# setting is the place, so the noun is kept (at most two words between, none a verb or preposition)
_PLACE_HEAD = re.compile(r"(?<!\s)(?:\s++(?!(?:in|of|at|and|or|for|with|was|were|is|are)\b)[A-Za-z][\w\-]*+){0,2}?"
                         r"\s++(?:hospitals?|units?|cent(?:er|re)s?|clinics?|institutions?|practices?|wards?|"
                         r"departments?|settings?)\b", re.IGNORECASE)
# "length of intensive care unit stay", "emergency department visits": a count of care used, an outcome, not
# where the study was done
# (session 25b: also "ICU mortality", "hospice enrolment", "operating room time", "emergency department crowding")
_STAY = re.compile(r"(?<!\s)\s*+(?:\(\w+\)\s*)?(?:stays?|admissions?|readmissions?|visits?|length|days|utili[sz]ation|use|"
                   r"mortality|transfers?|discharges?|enrol?ments?|referrals?|times?|waits?|waiting|crowding|boarding)\b",
                   re.IGNORECASE)
_WITHIN = re.compile(r"\s(?:in|of|at)\s")  # "clinic in a ... hospital": a unit within a place
_LENGTH_OF = re.compile(r"\blengths?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_SITE_COUNT = re.compile(r"(?<![\w-])(\d{1,4}|" + NUMBER_WORDS.pattern + r")\s++$", re.IGNORECASE)
