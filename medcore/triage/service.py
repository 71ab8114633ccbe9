"""The triage engine as one object: KB + NLU + posterior + question + triage, built once per process.

`TriageEngine.from_settings(settings)` is what the page (through a cached loader), the CLI,
the evaluation and the benchmark all use, so they measure the same thing.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from medcore.auth import SYSTEM, User, check_tool
from medcore.knowledge import load_terminology
from medcore.knowledge.terminology import cache_root
from medcore.triage import engine as bayes
from medcore.triage import input_checks, input_guard, known_context, nlu, safety_rules
from medcore.triage.kb import KnowledgeBase, load_kb
from medcore.triage.lexicon import embedding_index, terminology_phrases
from medcore.triage.rules import LEVEL_TEXT, TriageConfig, decide, emergency_by_sign

log = logging.getLogger(__name__)

_lock = threading.Lock()
NON_COMPLAINT = {"course", "risk", "measured"}
# findings that tell how or since when, never what: with only these the text told no symptom ('my car will not start
# this morning' read as lasting under a day got a triage level; session 23b). A risk factor alone still counts: a
# smoke exposure or a trauma event can be the whole emergency story.
NOT_A_SYMPTOM = {"course"}
_engines: dict[tuple, "TriageEngine"] = {}


@dataclass
class DifferentialItem:
    condition: str
    id: str
    icd10: str
    probability: float
    triage: str
    evidence_for: list[str]
    evidence_against: list[str]
    education: dict


@dataclass
class TriageResult:
    findings: list[dict]  # {id, name, present, origin}
    differential: list[DifferentialItem]
    triage: str
    triage_text: str
    triage_reason: str
    level_mass: dict
    red_flags: list[dict]
    fired_rules: list[dict]
    next_question: dict | None
    age: float | None
    sex: str | None
    crisis: dict | None = None
    notes: list[str] = field(default_factory=list)
    blend: str = "bayes"
    symptom_told: bool = True  # a present finding that is not only a course (NOT_A_SYMPTOM): else no level is shown

    def to_dict(self) -> dict:
        return asdict(self)

    def contract(self) -> dict:
        """The CLI JSON contract (medcore.triage.contract)."""
        from medcore.triage.contract import to_contract

        return to_contract(self, self.notes)


class TriageEngine:
    def __init__(self, kb: KnowledgeBase, *, embed_fn=None, cache_dir: Path | None = None,
                 engine_cfg: bayes.EngineConfig | None = None, triage_cfg: TriageConfig | None = None,
                 blender=None, terminology=None):
        self.kb = kb
        # The shared terminology adds its clinical words for our findings ('dyspnea'); our KB stays the source
        # of every other field.
        self.lexicon = nlu.Lexicon(kb, terminology_phrases(kb, terminology) if terminology is not None else None)
        # lay phrasings the synonyms miss: the knowledge layer's one embedding index over our findings' phrases
        self.embeddings = embedding_index(self.lexicon, embed_fn, cache_dir) if embed_fn else None
        self.engine_cfg = engine_cfg or bayes.EngineConfig()
        self.triage_cfg = triage_cfg or TriageConfig()
        self.blender = blender  # optional MLP blend (only set when it measured better)
        self.vocabulary = self.lexicon.vocabulary | {t for f in kb.findings for t in nlu.tokens(f.name)}
        # texts a batch read up to the embedding index (prepare), each taken once by read_text (triage.contract)
        self.prepared: dict[str, nlu.Prepared] = {}

    @classmethod
    def from_settings(cls, settings, *, use_embeddings: bool = True, use_blend: bool = True) -> "TriageEngine":
        blend_id = _active_model_id(settings) if use_blend else None
        key = (str(settings.kb_dir), str(settings.data_dir), use_embeddings, use_blend, blend_id)
        with _lock:
            eng = _engines.get(key)
            kb = load_kb(settings.kb_dir)
            if eng is not None and eng.kb.digest == kb.digest:
                return eng
            embed_fn = None
            if use_embeddings:
                from medcore.embeddings import minilm_path

                if minilm_path() is not None:
                    from medcore.embeddings import embed as embed_fn
            blender = None
            if use_blend:
                from medcore.triage.learn import load_active_blender

                blender = load_active_blender(settings, kb)
            from medcore.triage.config import load_configs

            ecfg, tcfg = load_configs(settings.kb_dir)
            # the findings' embedding matrix (seconds to compute) is kept beside the knowledge layer's other built
            # caches, named by the KB digest
            eng = cls(kb, embed_fn=embed_fn, cache_dir=cache_root(settings) / "triage", blender=blender,
                      engine_cfg=ecfg, triage_cfg=tcfg, terminology=load_terminology(settings))
            _engines[key] = eng
            return eng

    # ---- evidence -------------------------------------------------------------------
    def closure(self, answers: dict[str, str]) -> dict[str, bool]:
        """yes/no answers plus what they imply: a specific finding implies its general one,
        and 'no' to a general finding rules out its specific ones."""
        ev = {f: (a == "yes") for f, a in answers.items() if a in ("yes", "no")}
        changed = True
        while changed:
            changed = False
            for f, present in list(ev.items()):
                if present:
                    for g in self.kb.implies.get(f, ()):
                        if g not in ev:
                            ev[g] = True
                            changed = True
                else:
                    for s in self.kb.implied_by(f):
                        if s not in ev:
                            ev[s] = False
                            changed = True
        return ev

    def complaints(self, answers: dict[str, str], origin: dict[str, str]) -> set[str]:
        """Symptoms the person reported in their own words (not course, history or measurements)."""
        return {f for f, a in answers.items() if a == "yes" and origin.get(f) == "text"
                and self.kb.finding(f).category not in NON_COMPLAINT}

    def posterior(self, evidence: dict[str, bool], age: float | None, sex: str | None,
                  complaints: set[str] = frozenset()) -> np.ndarray:
        c = self.engine_cfg
        post = bayes.posterior(self.kb, evidence, age, sex, c.temper, c.temper_absent, complaints,
                               c.complaint_leak_factor, c.hallmark_lik)
        if self.blender is not None:
            post = self.blender.blend(post, evidence, age, sex)
        return post

    def next_question(self, post: np.ndarray, evidence: dict[str, bool], asked: set[str]):
        return bayes.next_question(self.kb, post, set(evidence) | asked, self.engine_cfg,
                                   present={f for f, v in evidence.items() if v})

    # ---- one result ---------------------------------------------------------------------
    def result(self, answers: dict[str, str], age: float | None, sex: str | None, *, origin: dict | None = None,
               asked: set[str] = frozenset(), questions_asked: int = 0, finished: bool = False,
               top_k: int = 5) -> TriageResult:
        kb = self.kb
        age, sex = input_checks.check_age(age), input_checks.check_sex(sex)  # InputError: refused, with why
        answers = input_checks.check_answers(answers)
        ev = self.closure(answers)
        origin = origin or {}
        complaints = self.complaints(answers, origin)
        post = self.posterior(ev, age, sex, complaints)
        present = {f for f, v in ev.items() if v}
        # a faint escalates as a condition's red flag only if the rest of the story makes it possible (rules.decide)
        support = {f: self.posterior({k: v for k, v in ev.items() if k != f}, age, sex, complaints - {f})
                   for f in kb.needs_support if f in present}
        dec = decide(kb, post, present, self.triage_cfg, {f for f, v in ev.items() if not v}, support)
        order = np.argsort(-post)[:top_k]
        diff = []
        for ci in order:
            c = kb.conditions[ci]
            ef, ea = bayes.evidence_for_against(kb, post, int(ci), ev)
            diff.append(DifferentialItem(c.name, c.id, c.icd10, float(post[ci]), c.triage, ef, ea, c.education))
        nq = None
        ec = self.engine_cfg
        confident = float(post.max()) >= ec.stop_probability
        # the engine's own questions: up to max_questions, fewer when every answer so far was 'no' (all_no_stop);
        # the safety net and the red-flag cover then have their own budgets after them
        # only a 'yes' or 'no' counts towards all_no_stop: a "don't know" (history, a measurement) tells the
        # engine nothing, so it does not use up the all-'no' budget (s13 dev: the cap cut interviews short there)
        said = [answers[f] for f in answers if origin.get(f) == "question"]
        told = [a for a in said if a in ("yes", "no")]
        cap = min(ec.all_no_stop + len(said) - len(told), ec.max_questions)
        all_no = len(told) >= min(ec.all_no_stop, ec.max_questions) and "yes" not in told
        own = cap if all_no else ec.max_questions
        settled = emergency_by_sign(dec)
        if not finished and questions_asked < own and (not confident or questions_asked < ec.min_questions):
            known = set(asked) | set(answers)
            q = self.next_question(post, ev, known)
            if (q is None or q.gain_bits < 0.05) and questions_asked < self.engine_cfg.min_questions:
                q = bayes.safety_question(self.kb, post, set(ev) | known, self.engine_cfg) or q
            if q is not None:
                nq = _question_dict(q)
        # a known condition or treatment that one 'yes' makes an emergency with what is present (chemotherapy or
        # sickle cell disease for a fever: known_context) takes the place of the engine's own last, least useful
        # questions, or comes first after them: never one of the safety net's warning signs
        if not finished and not settled and questions_asked < own + ec.safety_net_max:
            pending = known_context.context_questions(kb, set(ev) | set(asked) | set(answers), present)
            if pending and (nq is None or questions_asked >= own - len(pending)):
                j = kb.finding_index[pending[0]]
                nq = _question_dict(bayes.Question(pending[0], kb.findings[j].question, 0.0, 1.0, [], True))
        # the safety net guards against under-triage, so it has nothing to add once a present sign makes the level
        # emergency; an emergency by posterior mass alone is still checked by asking (rules.emergency_by_sign)
        if (nq is None and not finished and not settled
                and questions_asked < own + ec.safety_net_max):
            q = bayes.safety_net_question(self.kb, post, set(ev) | set(asked) | set(answers), ec,
                                          self.complaints(answers, origin), present)
            if q is not None:
                nq = _question_dict(q)
        # then the rarer serious causes of the complaint that none of their red flags has tested yet
        if (nq is None and not finished and not settled
                and questions_asked < own + ec.safety_net_max + ec.red_flag_cover_max):
            q = bayes.red_flag_cover_question(self.kb, post, set(ev) | set(asked) | set(answers), ec,
                                              self.complaints(answers, origin))
            if q is not None:
                nq = _question_dict(q)
        findings = [{"id": f, "name": kb.finding(f).name, "present": v,
                     "origin": origin.get(f, "implied" if f not in answers else "text")} for f, v in ev.items()]
        crisis = dict(kb.crisis) if dec.self_harm else None
        told = any(kb.finding(f).category not in NOT_A_SYMPTOM for f in present)
        return TriageResult(findings, diff, dec.level, LEVEL_TEXT[dec.level], dec.reason, dec.mass, dec.red_flags,
                            dec.fired_rules, nq, age, sex, crisis,
                            blend="bayes+mlp" if self.blender is not None else "bayes", symptom_told=told)

    def prepare(self, text: str) -> list[str]:
        """Read `text` up to the embedding index and keep it for read_text; the chunks it will ask the index for."""
        guard = input_guard.check(input_checks.check_text(text))
        if guard.kind in ("empty", "other_language"):
            return []
        p = self.prepared[guard.text] = nlu.prepare(guard.text, self.lexicon, self.embeddings is not None)
        return p.chunks

    def read_text(self, text: str) -> tuple[input_guard.GuardResult, nlu.Extraction | None]:
        guard = input_guard.check(input_checks.check_text(text))
        if guard.kind in ("empty", "other_language"):
            return guard, None
        pre = self.prepared.pop(guard.text, None)
        ex = nlu.finish(pre, self.lexicon, self.embeddings) if pre is not None else \
            nlu.extract(guard.text, self.lexicon, self.embeddings)
        bad_age = input_checks.impossible_age_in_text(guard.text)
        if bad_age:
            ex.age = None
            guard.notes.append(bad_age)
        suspected = safety_rules.rules_for(self.kb).suspicion_enough if self.kb.source_files else frozenset()
        for fid in dict.fromkeys(f for f in ex.uncertain if f in suspected):
            if not any(m.finding_id == fid for m in ex.mentions):  # the suspicion is the red flag (safety.yaml)
                ex.mentions.append(nlu.Mention(fid, self.kb.finding(fid).name, True, "suspected", "suspected"))
        if guard.self_harm_mention and not any(m.finding_id == "suicidal_thoughts" for m in ex.mentions):
            # a denied statement ('no thoughts of hurting myself') says the thoughts are absent (session 27)
            ex.mentions.append(nlu.Mention("suicidal_thoughts", self.kb.finding("suicidal_thoughts").name,
                                           not input_guard.self_harm_denied(guard.text), "self-harm statement", "safety"))
        if guard.self_harm_mention and input_guard.self_harm_plan(guard.text):
            # a plan told after a denial ('no thoughts of suicide but I have a plan') is intent (session 28)
            ex.mentions = [m for m in ex.mentions if m.finding_id != "suicidal_thoughts" or m.present]
            if not any(m.finding_id == "suicidal_thoughts" for m in ex.mentions):
                ex.mentions.append(nlu.Mention("suicidal_thoughts", self.kb.finding("suicidal_thoughts").name, True,
                                               "self-harm plan", "safety"))
        return guard, ex

    def one_shot(self, text: str, age: float | None = None, sex: str | None = None, *,
                 user: User = SYSTEM) -> tuple[TriageResult, list[str]]:
        """Text in, result out (no questions asked): the CLI's `triage "TEXT" --json`, the evals, the Q&A safety
        screen. A given age or sex overrides what the text says. `user` must be allowed the triage tool; no page
        calls this (the chat page goes through chat.turn, whose user is required), so it defaults to the system."""
        check_tool(user, "triage")
        given_age, given_sex = age, sex
        guard, ex = self.read_text(text)
        notes = list(guard.notes)
        answers: dict[str, str] = {}
        origin: dict[str, str] = {}
        age = sex = None
        if guard.kind == "other_language":
            notes.append(not_english_message(guard.language))
        elif ex is not None:
            for m in ex.mentions:
                if answers.get(m.finding_id) != "yes":
                    answers[m.finding_id] = "yes" if m.present else "no"
            age, sex = ex.age, ex.sex
            origin = {f: "text" for f in answers}
            if not ex.mentions and guard.kind != "empty":
                notes.append(no_findings_message(guard.text, self.vocabulary))
        res = self.result(answers, age if given_age is None else given_age, given_sex or sex, origin=origin)
        res.notes = notes
        return res, notes


def warm_worker(settings) -> None:
    """Called once in each engine worker when the server starts (workpool.warm): on a new install the findings'
    embedding matrix (half a minute of CPU here) is computed into the knowledge layer's cache, which the chat (run in
    the server process) then reads, so the first chat after an install does not wait for it. Nothing is stored in
    the database."""
    TriageEngine.from_settings(settings)


def _question_dict(q: bayes.Question) -> dict:
    return {"id": q.finding_id, "text": q.text, "information_gain": round(q.gain_bits, 4), "separates": q.separates,
            "red_flag_check": q.red_flag}


def _active_model_id(settings) -> int | None:
    """The active MLP's id, so a newly trained blend is picked up without a restart."""
    try:
        from medcore.triage.learn import active_model_record

        rec = active_model_record(settings)
        return rec.id if rec is not None else None
    except Exception:  # noqa: BLE001 - no database yet: no blend
        log.debug("no active MLP id from the store", exc_info=True)
        return None


def not_english_message(language: str | None) -> str:
    lang = f" ({language})" if language and language != "non-Latin script" else ""
    return (f"Sorry, I can only understand English at the moment{lang}. Please describe the symptoms in English, "
            "or ask someone to help translate. If this is an emergency, call your local emergency number.")


def no_findings_message(text: str, vocabulary: set[str]) -> str:
    if input_guard.english_share(text, vocabulary) < 0.35:
        return ("I couldn't make sense of that. Please describe the main symptom in a short sentence, for example "
                "'I have had a sore throat and fever for 2 days'. " + input_checks.EMERGENCY_LINE)
    return NO_SYMPTOM_MESSAGE


NO_SYMPTOM_MESSAGE = ("I didn't recognise a symptom in that. Could you say what you are feeling, where, and since when? "
                      "For example 'sharp pain low on the right of my tummy since this morning'. "
                      + input_checks.EMERGENCY_LINE)
