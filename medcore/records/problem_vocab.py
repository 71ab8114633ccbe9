"""Which knowledge-layer concepts the record summarizer reads as problems, and the ICD-10-CM code each carries.

Problems come from the whole terminology, not only our curated problem list: ICD-10-CM titles and inclusion
terms, HPO phenotype terms (examination signs, imaging findings) and the symptom chat's findings. Every
problem carries an ICD-10-CM code:
- a concept's own code (our conditions, findings with a code, ICD-10-CM concepts);
- for an HPO term or finding without one, the ICD-10-CM concept that the same matched words name (the lexicon
  key they share: 'hepatosplenomegaly' is both an HPO term and an ICD-10-CM inclusion term), else its nearest coded HPO ancestor (two levels up
  at most), else the curated HPO -> ICD-10-CM map in `assets/kb/records/problem_vocabulary.yaml`; a term with no code is not reported;
- an injury word coded to an unspecified body region ('laceration', T14.8) takes the code of the body site named
  nearest to it in the sentence (knowledge/body_site.py: 'penile laceration' S31.2-);
- a curated condition matched through one of its broader synonyms gives way to the ICD-10-CM concept those
  words name when its code sits in another category ('inguinal hernia' is K40, not hernia NOS K46.9).
A bare word that names a problem only beside its cue words ('frequency' beside dysuria) is read there
(records/context_words.py); a stop word such as 'pain' only beside its body site. A goal term after a word that sets
it as a goal ('encouraged weight loss', 'attempts at weight loss') is advice, not a problem; so is a term beside words
that give it another sense ('reflux' of a saphenous vein, `other_senses`). A word that itself denies a problem ('afebrile': no fever) reports that problem as negated. Words that never
report a problem on their own (generic HPO terms such as 'pain' or 'ordering') are listed in
the same data file, with the ICD-10-CM chapters that are not problems (external causes)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path


from medcore import kbyaml
from medcore.errors import DomainError
from medcore.knowledge import body_site
from medcore.knowledge.assertion_rules import load_rules
from medcore.knowledge.drug_lexicon import DEFAULT_KB_DIR
from medcore.knowledge.normalize import term_keys
from medcore.records import (adjective_forms, context_words, function_difficulty, problem_codes, problem_shapes,
                             site_signs, slash_lists, spread_sites)

log = logging.getLogger(__name__)

DATA_FILE = "problem_vocabulary.yaml"
SHORT_KEY = 3
ANY_WORDS = "*"  # a present_as entry whose words are ["*"] applies to every wording of its concept
_JOINED = re.compile(r"\b(?:and|or)\b|,")  # words (or a list comma) that join two problems into one term
GOAL_WINDOW = 40  # characters before a goal term in which its cue ('encouraged', 'attempts at') must stand
# an as-needed order's indication right before a bare stop term ('q.6h. p.r.n. pain'): ConText reads it hypothetical.
# The as-needed words are the clinical assertion rules' `as_needed` list (one home)
_AS_NEEDED_AFTER = r"\s*(?:for\s+)?(?:(?:any|severe|moderate|mild|breakthrough|uncontrolled|increased|more|or)\s+){0,3}$"


@lru_cache(maxsize=1)
def _as_needed() -> re.Pattern:
    cues = load_rules("clinical").as_needed
    return re.compile(f"(?:{cues.pattern if cues is not None else '(?!)'}){_AS_NEEDED_AFTER}", re.I)


class ProblemVocabError(DomainError):
    pass


@dataclass
class ProblemVocab:
    term: object
    only: frozenset[str]  # concept ids the matcher may report as problems or procedures
    stop_keys: frozenset[str]  # matched lexicon keys that are never a problem on their own
    hpo_icd10cm: dict[str, str]  # HPO id or finding concept id -> ICD-10-CM code (curated, for terms no ICD-10-CM entry names)
    curated: frozenset[str] = frozenset()  # the problem-list conditions (read inside a term that has no code)
    negated_forms: dict[str, str] = field(default_factory=dict)  # 'afebrile' -> condition:fever (a word that denies it)
    negated_regex: re.Pattern | None = None
    injuries: body_site.InjurySites | None = None  # 'laceration' of the penis: the site's code, not T14.8
    goal_keys: frozenset[str] = frozenset()  # 'weight loss': a goal after 'encouraged', 'attempts at', not a problem
    goal_cue: re.Pattern | None = None
    goal_after: re.Pattern | None = None  # 'weight loss was encouraged': the goal's cue told after it (session 24b)
    context: context_words.ContextWords | None = None  # 'frequency' beside dysuria: urinary frequency
    senses: context_words.OtherSenses | None = None  # 'reflux' beside a saphenous vein: not GERD
    adjectives: adjective_forms.AdjectiveForms | None = None  # 'she is very hypertensive': hypertension
    # (concept id, word) -> (concept, the assertions it applies to: 'present' unless the entry names others)
    present_as: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    site_only: dict[str, str] = field(default_factory=dict)  # stop key -> generic code: read only with its site
    past_events: frozenset[str] = frozenset()  # concept ids of events over before the note (records/past_events.py)
    site_signs: site_signs.SiteSigns | None = None  # 'liver ... no masses': the sign with the site named before it
    newborn_codes: dict[str, str] = field(default_factory=dict)  # R17 -> P59.9 in a newborn's note (records/newborn.py)
    gestation: dict = field(default_factory=dict)  # weeks of gestation -> Z3A.- / P07.- (records/gestation.py)
    difficulty: function_difficulty.FunctionDifficulty | None = None  # 'trouble walking' (session 25)
    slash: slash_lists.SlashLists | None = None  # 'no c/c/e' (session 26b)

    def negated_mentions(self, sentence: str) -> list[tuple[int, int, object, str]]:
        """(start, end, concept, code) for each word that itself says a problem is absent ('afebrile': no fever)."""
        if self.negated_regex is None:
            return []
        out = []
        for m in self.negated_regex.finditer(sentence):
            concept = self.term.get(self.negated_forms[m.group().lower()])
            if concept is not None and _code(concept):
                out.append((m.start(), m.end(), concept, _code(concept)))
        return out
    _own_keys: dict[str, frozenset[str]] = field(default_factory=dict)

    def reported(self, sentence: str, mention) -> list[tuple[object, object, str]]:
        """(mention, concept, ICD-10-CM code) for each problem a matched term reports: the term itself, or, when it
        has no code ('renal abscess' as an HPO term), the problem-list conditions inside it ('abscess')."""
        if self.goal_cue is not None and mention.synonym in self.goal_keys and \
                (self.goal_cue.search(sentence, max(0, mention.start - GOAL_WINDOW), mention.start) or
                 self.goal_after.match(sentence, mention.end)):
            return []
        if self.senses is not None and self.senses.elsewhere(sentence, mention.synonym, mention.start, mention.end):
            return []
        if mention.synonym in self.site_only:
            return self._site_only(sentence, mention)
        inner = sentence[mention.start:mention.end]
        got = self.resolve(mention)
        if got is not None:
            parts = self._parts(inner, mention) if _JOINED.search(inner) else []
            return parts or [(mention, *self._by_site(sentence, mention, *got))]
        # a condition inside an uncoded term takes its site's code too ('facial bone fracture': the HPO term 'bone
        # fracture' has no code, the fracture inside it is read, coded by the facial site beside it)
        return [(sub, *self._by_site(sentence, sub, concept, code))
                for sub, concept, code in self._parts(inner, mention, whole=False)]

    def _site_only(self, sentence: str, mention) -> list[tuple[object, object, str]]:
        """A stop term read only with the body site beside it ('pain in his toes': toe pain); the named term of a
        site told after it ('pain in the chest': chest pain) first."""
        turned = [r for r in problem_shapes.turned_round(self, sentence) if r[0].start == mention.start]
        code = self.injuries.code(sentence, mention.start, mention.end, self.site_only[mention.synonym]) \
            if self.injuries and not turned else None
        if not turned and code is None and _as_needed().search(sentence, max(0, mention.start - 30), mention.start):
            code = self.site_only[mention.synonym]  # 'p.r.n. pain': the drug's indication, its generic code (R52)
        concept = self.term.get(f"icd10cm:{code}") if code else None
        if concept is not None:
            concept, code = self.with_side(sentence, mention, concept, code)
        return turned[:1] or ([(mention, concept, code)] if concept is not None else [])

    def _parts(self, inner: str, mention, whole: bool = True) -> list[tuple[object, object, str]]:
        """The problem-list conditions inside a matched term. `whole`: only when they and the words that join them
        ('and', 'or', a comma) make up the whole term ('nausea and vomiting' is nausea and vomiting, two problems)."""
        out, covered = [], []
        for sub in self.term.match(inner, types=("condition",), only=self.curated):
            if sub.end - sub.start == len(inner):
                continue
            covered.append((sub.start, sub.end))
            sub = replace(sub, start=sub.start + mention.start, end=sub.end + mention.start)
            got = self.resolve(sub)
            if got is not None:
                out.append((sub, *got))
        if whole:
            rest = inner
            for s, e in sorted(covered, reverse=True):
                rest = rest[:s] + rest[e:]
            if len(out) < 2 or _JOINED.sub("", rest).strip(" ,/"):
                return []
        return out

    def contextual(self, sentence: str, section: str = "", heading: str = "") -> list[tuple[object, object, str]]:
        """(mention, concept, ICD-10-CM code) for each bare word that names a problem beside its cue words (or
        under an examination heading that is one: 'Abdomen:')."""
        out = []
        found = (self.context.find(sentence, section, heading) if self.context else []) + \
            (self.adjectives.find(sentence) if self.adjectives else [])
        for mention in found:
            concept = self.term.get(mention.concept_id)
            if concept is not None and _code(concept):
                # session 28: the level or side written with the bare word ('C5-C6 stenosis' M48.02), as for a term
                out.append((mention, *self.with_side(sentence, mention, concept, _code(concept))))
        out += problem_shapes.turned_round(self, sentence) + problem_shapes.predicated(self, sentence) + \
            problem_shapes.shared_head(self, sentence) + problem_shapes.lay_head(self, sentence) + \
            function_difficulty.find(self, self.difficulty, sentence) + spread_sites.find(self, sentence) + \
            slash_lists.find(self, self.slash, sentence)
        signs = self.site_signs.find(sentence, heading, self.named_sign) if self.site_signs else []
        # a sign another reading already took ('Ears: no drainage' by its cue words) is read once
        return out + [r for r in signs if not any(o[0].start < r[0].end and r[0].start < o[0].end for o in out)]

    def named_sign(self, site: str, sign: str) -> tuple[object, str] | None | bool:
        """(concept, code) of a sign at a site: the vocabulary's term for the two words together ('liver masses'),
        else the body-site table's code of that sign there ('testes' + 'tenderness': N50.819); False when the
        table knows the site but has no code of that sign there (records/site_signs.py stops at it)."""
        got = self.named_whole(f"{site} {sign}")
        if got is not None or self.injuries is None:
            return got
        code = self.injuries.sign_code(site, sign)
        concept = self.term.get(f"icd10cm:{code}") if code else None
        if concept is not None:
            return concept, code
        return False if site in self.injuries.site_of else None

    def named_whole(self, named: str) -> tuple[object, str] | None:
        """(concept, code) when the whole of `named` is a coded problem term, else None."""
        whole = [c for c in self.term.match(named, only=self.only) if c.start == 0 and c.end == len(named)]
        return next((g for g in (self.resolve(c) for c in whole) if g is not None), None)

    def when_present(self, concept, code: str, text: str, assertion: str) -> tuple[object, str]:
        """The concept and code a mention asserted present takes (`present_as`: a current 'smoker' is nicotine
        dependence, F17.210; a denied one stays tobacco use, Z72.0); an entry may name other assertions
        ('falls' are repeated falls, R29.6, whatever their assertion); words ["*"]: any wording of the concept (a
        myocardial infarction told as past is an old one, I25.2)."""
        # the entries for these words first, then those for any wording (a former 'smoker' is Z87.891)
        rules = [*self.present_as.get((concept.id, text.lower()), ()), *self.present_as.get((concept.id, ANY_WORDS), ())]
        other = next((target for target, when in rules if assertion in when), None)
        new = self.term.get(other) if other else None
        return (new, _code(new)) if new is not None and _code(new) else (concept, code)

    def _by_site(self, sentence: str, mention, concept, code: str) -> tuple[object, str]:
        if self.injuries is None:
            return concept, code
        site_code = self.injuries.code(sentence, mention.start, mention.end, code)
        site_concept = self.term.get(f"icd10cm:{site_code}") if site_code else None
        if site_concept is not None:
            concept, code = site_concept, site_code
        return self.with_side(sentence, mention, concept, code)

    def with_side(self, sentence: str, mention, concept, code: str) -> tuple[object, str]:
        """The side written with a joint problem ('left knee osteoarthritis' M17.12), from the knowledge layer."""
        if self.injuries is None:
            return concept, code
        # the spinal level written with a disc problem ('C5-6 disc herniation' M50.222) the same way
        sided = self.injuries.sided(sentence, mention.start, mention.end, code)
        sided = self.injuries.leveled(sentence, mention.start, mention.end, sided)
        sided_concept = self.term.get(f"icd10cm:{sided}") if sided != code else None
        return (sided_concept, sided) if sided_concept is not None else (concept, code)

    def with_nerve(self, sentence: str, hits: list[tuple[object, object, str]]) -> list[tuple[object, object, str]]:
        """`hits` (in the sentence's order) with each disc disorder told with the myelopathy or radiculopathy it
        causes ('C5-6 disc herniation with myelopathy') read as one problem: the disc's mention reaches over the
        other, takes the combination code (ICD-10-CM M50.0-/M50.1-, M51.0-/M51.1-) and the other is dropped."""
        if self.injuries is None or not self.injuries.disc_nerve:
            return hits
        out, dropped = list(hits), set()
        for i, (disc, _, code) in enumerate(hits):
            for j in range(i + 1, len(hits)):
                nerve, _, nerve_code = hits[j]
                both = self.injuries.with_nerve(sentence, disc.end, code, nerve.start, nerve_code)
                between = any(disc.end <= h[0].start and h[0].end <= nerve.start for h in hits[i + 1:j])
                concept = self.term.get(f"icd10cm:{both}") if both and j not in dropped and not between else None
                if concept is not None:
                    out[i] = (replace(disc, end=nerve.end, text=sentence[disc.start:nerve.end]), concept, both)
                    dropped.add(j)
                    break
        return [h for k, h in enumerate(out) if k not in dropped]

    def resolve(self, mention) -> tuple[object, str] | None:
        """(the concept to report, its ICD-10-CM code) for a problem mention, or None when it is not reported."""
        key = mention.synonym
        if key in self.stop_keys:
            return None
        term = self.term
        concept = term.get(mention.concept_id)
        if concept is None:
            return None
        if concept.type != "condition" and mention.how != "abbreviation" and len(key.replace(" ", "")) <= SHORT_KEY:
            return None  # 'SSN', 'FIT', 'PR': short words of the wide vocabularies are not read without our abbreviation table
        code = _code(concept)
        if concept.type == "icd10cm":
            return concept, code
        named = self._icd_named(key)
        if concept.type == "condition":
            if named is not None and _category(_code(named)) != _category(code) and \
                    key not in self._keys_of_name(concept):
                return named, _code(named)
            return (concept, code) if code else None
        if not code:
            code = self._code_by_name(concept, named)
        return (concept, code) if code else None

    def _code_by_name(self, concept, named) -> str:
        return problem_codes.code_by_name(self, concept, named)

    def _icd_named(self, key: str):
        return problem_codes.icd_named(self.term, self.only, key)

    def _keys_of_name(self, concept) -> frozenset[str]:
        got = self._own_keys.get(concept.id)
        if got is None:
            got = self._own_keys[concept.id] = frozenset(term_keys(concept.name, self.term.variants))
        return got


def _code(concept) -> str:
    return next(iter(concept.codes.get("icd10cm", ())), "")


def _category(code: str) -> str:
    return code.replace(".", "")[:3].upper()


def load_data(records_root: Path) -> dict:
    path = Path(records_root) / DATA_FILE
    try:
        doc = kbyaml.load(path)
    except (OSError, kbyaml.KBYamlError) as exc:
        raise ProblemVocabError(f"{path}: {exc}") from exc
    if not isinstance(doc, dict) or not doc.get("source"):
        raise ProblemVocabError(f"{path}: needs a top-level source")
    if "injury_by_site" not in doc:
        # the body-site table is the knowledge layer's (assets/kb/knowledge/body_sites.yaml), shared with the
        # literature reader; a KB folder without one uses the shipped table
        kb_dir = Path(records_root).parent
        if not (kb_dir / "knowledge" / body_site.DATA_FILE).is_file():
            kb_dir = DEFAULT_KB_DIR
        try:
            doc["injury_by_site"] = body_site.read_doc(kb_dir)
        except body_site.InjurySiteError as exc:
            raise ProblemVocabError(str(exc)) from exc
    for key in ("types", "exclude_icd10cm_prefixes", "stop_terms", "hpo_icd10cm", "negated_forms"):
        if key not in doc:
            raise ProblemVocabError(f"{path}: missing '{key}'")
    for entry in doc["hpo_icd10cm"]:
        if not (isinstance(entry, dict) and (entry.get("hpo") or entry.get("finding")) and entry.get("icd10cm")
                and entry.get("source")):
            raise ProblemVocabError(f"{path}: each hpo_icd10cm entry needs hpo (or finding), icd10cm and source: "
                                    f"{entry!r}")
    return doc


def build(term, base_ids: frozenset[str], doc: dict) -> ProblemVocab:
    """`base_ids`: the curated problem-list conditions and procedures; `doc`: the data file."""
    lex = term.lexicon
    types = frozenset(doc["types"])
    excluded = tuple(f"icd10cm:{p}" for p in doc["exclude_icd10cm_prefixes"])
    extra = {cid for cid, ty in zip(lex.ids, lex.types) if ty in types and not cid.startswith(excluded)}
    stop = frozenset(k for t in doc["stop_terms"] for k in term_keys(str(t), term.variants))
    hpo = {str(e["hpo"]) if e.get("hpo") else f"finding:{e['finding']}": str(e["icd10cm"]) for e in doc["hpo_icd10cm"]}
    negated = {str(k).lower(): str(v) for k, v in (doc["negated_forms"] or {}).items()}
    regex = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(negated, key=len, reverse=True))) + r")\b", re.I) \
        if negated else None
    try:
        injuries = body_site.build(doc.get("injury_by_site"))
        context = context_words.build(doc.get("context_words"))
        senses = context_words.build_other_senses(doc.get("other_senses"), lambda t: term_keys(t, term.variants))
        adjectives = adjective_forms.build(doc.get("adjective_forms"))
        present_as = _present_as(doc.get("present_as"))
        signs = site_signs.build(doc.get("site_signs"))
        difficulty = function_difficulty.build(doc.get("function_difficulty"))
        slash = slash_lists.build(doc.get("slash_lists"))
    except (body_site.InjurySiteError, context_words.ContextWordsError, adjective_forms.AdjectiveFormsError,
            site_signs.SiteSignsError, function_difficulty.FunctionDifficultyError, slash_lists.SlashListError) as exc:
        raise ProblemVocabError(str(exc)) from exc
    site_only = {k: str(v) for t, v in (doc.get("site_only_terms") or {}).items() for k in term_keys(str(t), term.variants)}
    goals = doc.get("goals") or {}
    goal_keys = frozenset(k for t in goals.get("terms", ()) for k in term_keys(str(t), term.variants))
    goal_cue = re.compile(r"\b(?:" + "|".join(map(re.escape, goals["cues"])) + r")\b[^.;:]*$", re.I) \
        if goals.get("cues") else None
    cues = "|".join(map(re.escape, goals.get("cues") or ()))
    after = "|".join(map(re.escape, goals.get("after_cues") or ())) or "(?!)"
    # the cue told after the term: 'weight loss was encouraged', or a purpose in the clause ('lost weight intentionally',
    # 'losing weight with exercise'), not denied ('weight loss, not intentional')
    goal_after = re.compile(rf"\s+(?:was|were|is|are|has been|have been)\s+(?:{cues})\b|"
                            rf"[^.;:]{{0,{GOAL_WINDOW}}}?(?<!not )(?<![\w-])(?:{after})(?![\w-])", re.I) if cues else None
    return ProblemVocab(term, frozenset(base_ids) | extra, stop, hpo, frozenset(base_ids), negated, regex,
                        injuries=injuries, goal_keys=goal_keys, goal_cue=goal_cue, goal_after=goal_after,
                        context=context,
                        senses=senses, adjectives=adjectives, present_as=present_as, site_only=site_only,
                        past_events=frozenset(f"condition:{c}" for c in (doc.get("past_events") or {}).get("concepts", ())),
                        site_signs=signs, newborn_codes=_newborn_codes(doc.get("newborn_codes")),
                        gestation=_gestation(doc.get("gestational_age")), difficulty=difficulty,
                        slash=slash)


def _gestation(doc) -> dict:
    if not doc:
        return {}
    if not isinstance(doc, dict) or not doc.get("source") or not isinstance(doc.get("pregnancy_weeks"), dict) \
            or not isinstance(doc.get("newborn_weeks"), dict):
        raise ProblemVocabError("gestational_age needs pregnancy_weeks, newborn_weeks and a source")
    return {**{k: str(v) for k, v in doc.items() if k != "source" and not isinstance(v, dict)},
            "pregnancy_weeks": {int(k): str(v) for k, v in doc["pregnancy_weeks"].items()},
            "newborn_weeks": {int(k): str(v) for k, v in doc["newborn_weeks"].items()}}


def _newborn_codes(doc) -> dict[str, str]:
    if not doc:
        return {}
    if not isinstance(doc, dict) or not doc.get("source") or not isinstance(doc.get("codes"), dict):
        raise ProblemVocabError("newborn_codes needs codes and a source")
    return {str(k): str(v) for k, v in doc["codes"].items()}


def _present_as(entries) -> dict[tuple[str, str], list[tuple[str, frozenset[str]]]]:
    out = {}
    for e in entries or ():
        if not (isinstance(e, dict) and e.get("concept") and e.get("as") and e.get("words") and e.get("source")):
            raise ProblemVocabError(f"present_as: each entry needs concept, words, as and source: {e!r}")
        # a bare id is a problem-list condition; 'icd10cm:I25.2' names an ICD-10-CM concept
        target, source = (str(e[k]) if ":" in str(e[k]) else f"condition:{e[k]}" for k in ("as", "concept"))
        for w in e["words"]:
            out.setdefault((source, str(w).lower()), []).append(
                (target, frozenset(e.get("assertions") or ("present",))))
    return out
