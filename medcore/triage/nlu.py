"""Free text to findings: synonym phrases with their assertion (negated, uncertain, a relative's),
duration, severity, age and sex, plus MiniLM embeddings for lay phrasings the synonym list misses.

Phrases are matched by the one matcher (medcore.knowledge.match) over the chat's phrase table (lexicon.py):
the knowledge layer's normalisation (full-width and look-alike letters, UK/US spellings, plurals) and, for a
longer match, a normal form (no verb 'be', quantities collapsed; tokens.py); a finding's not_synonyms ('cut
down on') keep a shorter synonym ('cut') from matching inside them.
Whether a phrase is negated, uncertain or about someone else is decided by the one assertion engine
(medcore.knowledge.assertions, profile `lay`), which also holds every cue word; this module keeps none.
An absent_synonyms phrase says a finding is absent ("I can keep fluids down"); negated, it says the finding
is present ("I have not had a period" for a missed period). Durations: durations.py; vital signs, travel,
pregnancy, breath and overdose readings: nlu_readings.py; the result's dataclasses: extraction.py."""

from __future__ import annotations

import os
from dataclasses import dataclass

import re

from medcore.knowledge import assertions
from medcore.triage.demographics import extract_age, extract_severity, extract_sex
from medcore.triage.durations import (  # noqa: F401  (extract_duration, frequency_spans: read from here too)
    DURATION_FINDINGS, HISTORY_CATEGORIES, ONSET_OBJECTS, _describes_history, _nearest_head, _starts_treatment, duration_evidence,
    duration_spans, extract_duration, frequency_spans, is_weekday_guess, onset_spans, outranks_guess, space_times,
)
from medcore.triage.extraction import Extraction, Mention  # noqa: F401  (their old home: read from here too)
from medcore.triage.input_guard import normalize_text
from medcore.triage.antecedents import drop_old_events, lingers, to_antecedents
from medcore.triage.body_phrases import add_body_pain, add_body_swelling, deny_after
from medcore.triage.lexicon import EmbeddingIndex, Lexicon, _unblocked, blocked_tokens, find_sideless, polarity_free
from medcore.triage import (anaphora, arm_sides, denials, gestation, menstrual, mild_readings, normal_state, nlu_readings, qa_forms, qualifiers,
                            relatives, sign_context, vitals)
from medcore.triage.eye_side import FINDING, one_eye
from medcore.triage.mild_readings import is_mild
from medcore.triage.tokens import _TOKEN, chart_periods, gerund, normal_form, restore_apostrophes, stem, tokens  # noqa: F401

_CHUNK = re.compile(r",|\band\b|\bwith\b|\bplus\b|\balso\b")
# "worst with the first steps", "worst at night", "worst when I bend": when the complaint is at its worst, not how
# bad it is (a sentence's "worst headache of my life" or "the worst pain" still reads as severe)
_WORST_WHEN = re.compile(r"\bworst\s+(?=(?:with|at|when|whenever|on|after|before|during|first)\b"
                         r"|in\s+the\s+(?:morning|evening|night|day|afternoon)\b)")
# a clause that starts by pointing back at the one before ('It is bright green.', 'There was blood in it.')
_POINTS_BACK = re.compile(r"\s*+(?:it|it's|its|this|that|they|they're|there's|there\s+is|there\s+was)\b")
# a clinician's one-word pertinent negative ('non-bloody', 'afebrile', 'apyrexial', 'normotensive'): findings.yaml
# absent phrases that a list negation before them ('no injury, not limping, afebrile') does not turn round
_NEGATIVE_WORD = re.compile(r"non\b|non[a-z]|afebrile\b|apyrexial\b|normotensive\b")
# session 26c: an absent phrase that ends by calling the part normal ('bladder and bowels normal', 'temp is fine') is
# a normal when the negation that reaches it belongs to an earlier list item: in a chart's 'No saddle anaesthesia,
# bladder and bowels normal' the 'No' flipped it to incontinence present. Review fix (session 26): only then; a cue in
# the phrase's own item ("isn't feeding as normal", "I don't think the movements are normal") still denies it. The
# words: normal_state.yaml phrase_final
# words of a felt complaint beside findings.yaml's pain words: a short chunk holding one may still be guessed at
_DISCOMFORT = {"discomfort", "tender", "tenderness", "burning", "pressure"}
_EMBED_STOP = {"i", "my", "a", "the", "have", "am", "i'm", "been", "is", "it"}


def _chunk_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty pieces of text between chunk breaks (commas, 'and', 'with', ...)."""
    out, last = [], 0
    for m in _CHUNK.finditer(text):
        out.append((last, m.start()))
        last = m.end()
    out.append((last, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


@dataclass
class Prepared:
    """A text read up to the embedding index (`prepare`); `finish` completes it. A batch prepares every text first
    and embeds all their `chunks` in one call (triage.contract)."""
    ex: Extraction
    text: str
    chunks: list[str]
    durations: list[float]
    since_antecedent: list[float]


def extract(text: str, lexicon: Lexicon, embeddings: EmbeddingIndex | None = None,
            max_embed_chunks: int = 6) -> Extraction:
    return finish(prepare(text, lexicon, embeddings is not None, max_embed_chunks), lexicon, embeddings)


def prepare(text: str, lexicon: Lexicon, embed: bool, max_embed_chunks: int = 6) -> Prepared:
    kb = lexicon.kb
    ex = Extraction()
    if not text.isascii():  # full-width and look-alike letters as the chat's tokens can read them
        text = normalize_text(text)
    # 'cant breathe' as "can't breathe" (tokens.TEXTED); "haven't had one" after 'my periods': a period (anaphora.py)
    text = chart_periods(restore_apostrophes(lexicon.expand_capitals(text.replace("’", "'"))))  # 'SOB', 'post.'
    text = anaphora.resolve(qa_forms.rewrite(text))  # 'Any fever? No.' as 'no fever.' (qa_forms.py)
    text = space_times(text)  # 'cough x3 days': for three days (durations.py)
    unmatched_chunks: list[str] = []  # affirmed chunks no phrase read, for the embedding index
    durations: list[float] = []  # hours of the duration phrases attached to a complaint
    since_antecedent: list[float] = []  # hours since an earlier illness ('a cold 2 weeks ago', antecedents.py)
    weekday: list[float] = []  # hours guessed from a weekday alone ('since Saturday'): dropped when a count is told
    counted = False  # a duration told as a count ('12 hours', '2/7')
    rules = assertions.load_rules("lay")
    mild = mild_readings.load(os.path.dirname(kb.source_files[0])) if kb.source_files else None
    low = text.lower()
    relative_history: list[tuple[list[str], str]] = []  # a relative's own condition or risk, with its phrase
    relative_complains = False  # the speaker's relative has symptoms: the relative is the patient
    qtable = qualifiers.load(os.path.dirname(kb.source_files[0])) if kb.source_files else None
    normal = normal_state.load(os.path.dirname(kb.source_files[0])) if kb.source_files else None
    before: frozenset[str] = frozenset()  # what the clause before read, for a clause that points back at it
    last_clause = ""  # the clause before: a relative's history told there ('My dad had a stroke last year. His ...')
    for a, b in assertions.clauses(low, rules):
        clause = low[a:b].strip()
        told_before, last_clause = last_clause, clause
        toks = tokens(clause)
        keys = lexicon.word_keys(clause)
        found = find_sideless(lexicon, clause)
        matches = _unblocked(found)
        # a not_synonyms phrase also keeps its words from the part-and-pain rule ('a sore on the ball of my foot')
        matches = add_body_pain(lexicon, keys, matches, closed=blocked_tokens(found))
        matches = add_body_swelling(lexicon, keys, matches)
        matches = deny_after(lexicon, toks, keys, matches)
        matches = qualifiers.add(qtable, lexicon, keys, matches, kb.finding_index,
                                 before if _POINTS_BACK.match(clause) else frozenset())
        before = frozenset(i for _, _, ids in matches for i in ids)
        words = list(_TOKEN.finditer(clause))
        starts = [m.start() for m in words]
        matches = to_antecedents(kb.antecedents, clause, starts, matches,  # 'had a sore throat 2 weeks ago'
                                 kb.antecedent_events)
        matches = drop_old_events(kb.old_events, clause, starts, matches, low[b:])  # 'a seizure years ago'
        said = assertions.assert_spans(clause, [(words[s].start(), words[e - 1].end()) for s, e, _ in matches], rules)
        chunk_spans = _chunk_spans(clause)
        chunk_of = [next((c for c, (a, b) in enumerate(chunk_spans) if a <= st < b), -1 - t)
                    for t, st in enumerate(starts)]

        def token_at(pos: int) -> int:  # the first token starting at or after a character offset
            return next((t for t, st in enumerate(starts) if st >= pos), len(toks))

        clause_durations = duration_spans(clause)
        for a, b, hours in clause_durations:
            if not _describes_history(kb, toks, chunk_of, matches, token_at(a), token_at(b)):
                (weekday if is_weekday_guess(clause[a:b]) else durations).append(hours)
                counted = counted or outranks_guess(clause[a:b], hours)
            elif clause[a:b].endswith("ago") and any(i in kb.antecedents.values() for m in matches for i in m[2]):
                since_antecedent.append(hours)  # 'had a flu type thing 4 weeks ago': counts if the cough lingers
        for a, b, hours, v in onset_spans(clause, clause_durations):
            head = _nearest_head(kb, toks, chunk_of, matches, token_at(a), token_at(b))
            obj = _TOKEN.match(clause[v:].lstrip())
            transitive = obj is not None and (obj.group(0) in ONSET_OBJECTS or obj.group(0).endswith("ing")
                                              or _starts_treatment(clause[v:]))
            if (head is not None and head[0] == "symptom") or (head is None and not transitive):
                (weekday if is_weekday_guess(clause[a:b]) else durations).append(hours)
        for k, (s, e, ids) in enumerate(matches):
            phrase = " ".join(toks[s:e])
            if any(i in DURATION_FINDINGS for i in ids) and _describes_history(kb, toks, chunk_of, matches, s, e):
                continue  # 'smoked for years': the history's duration, not the complaint's
            if said[k] == "possible":
                ex.uncertain.extend(ids)
                continue
            chain = (relative_history_told(clause, words[s].start(), words[e - 1].end(), rules, told_before)
                     if said[k] == "present" else None)
            if chain is not None:
                # session 30: 'my dad had a stroke last year, his face drooped' (the assertion scope ends at the comma);
                # session 30 review: told in the next sentence too ('... last year. His face drooped.')
                relative_history.append((ids, phrase, chain, True))
                continue
            if said[k] == "family":
                told = relatives.told(clause, words[s].start(), words[e - 1].end(), rules)
                risk = all(kb.finding(i.lstrip("!")).category in HISTORY_CATEGORIES for i in ids)
                # session 30: a relative's pregnancy or birth is her own state ('my sister is 36 weeks pregnant and I
                # have a headache'), not a symptom that describes the patient: hers unless she is the patient
                state = all(i.lstrip("!") in relatives.STATES for i in ids)
                if risk or told.history or state:
                    # "my mother has asthma", "her mother had a facial palsy": a relative's condition or risk factor
                    # is not the patient's, unless the speaker's relative is the patient (relatives.py, decided once
                    # the whole text is read)
                    relative_history.append((ids, phrase, told, not risk))
                    continue
                # A relative's symptoms stay: in the chat they describe the patient ("my gran fell and hit her head").
                relative_complains = relative_complains or told.mine
            negated = said[k] == "negated"
            for fid in ids:
                if not negated and is_mild(mild, fid, clause, words[s].start(), words[e - 1].end(),
                                           [(words[s2].start(), words[e2 - 1].end()) for s2, e2, _ in matches]):
                    continue  # 'my eye is a bit sore': mild discomfort, not the red-flag pain (mild_readings.yaml)
                if fid.startswith("!"):  # an 'absent' phrase ("I can keep fluids down"); negated, a present one,
                    # unless the phrase is a negative word itself: 'not limping, afebrile' is still afebrile
                    flip = negated and not _NEGATIVE_WORD.match(phrase) and not _listed_normal(normal, clause, phrase,
                                                                                              words[s].start(), rules)
                    ex.mentions.append(Mention(fid[1:], kb.finding(fid[1:]).name, flip, phrase, "synonym"))
                else:
                    ex.mentions.append(Mention(fid, kb.finding(fid).name, not negated, phrase, "synonym"))
        if kb.source_files:  # 'no weakness', 'no radiation': a vague word's denial (denials.py)
            read = {m.finding_id for m in ex.mentions}
            for fid, word in denials.denied(denials.load(os.path.dirname(kb.source_files[0])), clause, rules,
                                            [(words[s].start(), words[e - 1].end()) for s, e, _ in matches]):
                if fid in kb.finding_index and fid not in read:
                    read.add(fid)
                    ex.mentions.append(Mention(fid, kb.finding(fid).name, False, word, "denial"))
        nlu_readings.read_travel(kb, ex, clause, rules)
        for fid, phrase in relatives.family_history_ids(clause, keys, starts, kb.relative_conditions,
                                                        lexicon.phrase_keys, rules):
            if not any(m.finding_id == fid for m in ex.mentions):  # 'his father died of a heart attack'
                ex.mentions.append(Mention(fid, kb.finding(fid).name, True, phrase, "family"))
        if embed:
            read = [(words[s].start(), words[e - 1].end()) for s, e, _ in found]
            unmatched_chunks.extend(_embed_chunks(lexicon, clause, read, rules, normal))
    # "My mother is a heavy drinker. She stopped drinking ...": the relative the speaker reports on is the patient,
    # so her history is the patient's; "My mother has asthma. I have a cough" keeps it a relative's
    self_told = relatives.speaker_speaks_of_self(low, rules) if relative_history else True
    own = any(m.present for m in ex.mentions)
    for ids, phrase, told, symptom in relative_history:
        if relatives.relative_is_patient(told, symptom, relative_complains, self_told, own):
            for fid in ids:
                f = kb.finding(fid.lstrip("!"))
                ex.mentions.append(Mention(f.id, f.name, not fid.startswith("!"), phrase, "synonym"))
        else:
            ex.family.extend(i.lstrip("!") for i in ids)
    return Prepared(ex, text, unmatched_chunks[:max_embed_chunks], durations + ([] if counted else weekday),
                    since_antecedent)


def relative_history_told(clause: str, start: int, end: int, rules, before: str = ""):
    """How a sign told of him or her right after a relative's illness told as history is told (relatives.chained),
    in its clause or continuing the clause `before` (session 30 review: 'My dad had a stroke last year. His face
    drooped.'), else None."""
    if not relatives.third_person(clause, start):
        return None
    told = relatives.told(clause, start, end, rules)
    if told.history:
        return told
    if before and not any(m.category == "family" and m.start < start for m in assertions.find_modifiers(clause, rules)[0]):
        joined, off = f"{before.rstrip('.!?;')}, {clause}", len(before.rstrip(".!?;")) + 2
        told = relatives.told(joined, start + off, end + off, rules)
        if told.history:
            return told
    return None


def _listed_normal(normal: normal_state.NormalState | None, clause: str, phrase: str, start: int, rules) -> bool:
    """An absent phrase reached only by an earlier list item's negation (see above): a comma or semicolon lies
    between the nearest negation cue before the phrase and the phrase. Session 27: any absent phrase, not only one
    ending in a normal word ('no swelling, no bruising, can walk' read the 'can walk' flipped: cannot bear weight)."""
    ends = [e for _, e in assertions.cue_spans(clause, rules) if e <= start]
    return bool(ends) and bool(re.search(r"[,;]", clause[max(ends):start]))


def _embed_chunks(lexicon: Lexicon, clause: str, read: list[tuple[int, int]], rules,
                  normal: normal_state.NormalState | None = None) -> list[str]:
    """The chunks of a clause that no phrase read, for the embedding index. `read`: the character spans of every
    phrase the lexicon found in the clause; `normal`: the normal-state words (a chunk saying a function works as it
    should is not guessed at: normal_state.py)."""
    out = []
    table = vitals.load(os.path.dirname(lexicon.kb.source_files[0])) if lexicon.kb.source_files else ()
    for a, b in _chunk_spans(clause):
        # a phrase read across a chunk break ('pins and needles', 'black and blue') holds this chunk's words
        if any(pa < a < pe or pa < b < pe for pa, pe in read):
            continue
        whole = clause[a:b]
        # the duration is read on its own: left in, 'since yesterday' reads as a (duration) phrase and keeps the
        # chunk from the index, or outweighs a short complaint's words ('pain in my big toe since yesterday')
        chunk = _without_durations(whole) or whole
        ctoks = tokens(chunk)
        content = [t for t in tokens(assertions.without_cues(chunk, rules)) if t not in _EMBED_STOP]
        # a chunk already read (a synonym, or a body part with a pain word: 'shoulder pain' is joint pain, not the
        # nearest embedding 'shoulder-tip pain') is not guessed at again
        if len(content) < 2 or len(ctoks) > 25 or lexicon.find(chunk.lower()) \
                or any(i.lstrip("!~") not in DURATION_FINDINGS for _, _, ids in lexicon.find(whole) for i in ids) \
                or add_body_pain(lexicon, lexicon.word_keys(chunk.lower()), []):
            continue
        # a vital reading is read by its band (nlu_readings.read_vitals), which may say the finding absent: the index
        # read 'my pulse is 55' as the synonym 'pulse is 35' (slow pulse, an emergency) (review fix, session 26)
        if table and vitals.readings(whole.lower(), table):
            continue
        # a contrast may join a normal and a complaint ('my vision is clear but there's a curtain over one eye'):
        # only the part holding the normal word is kept back (review fix, session 26)
        parts = normal.parts(chunk) if normal is not None and normal.says_normal(chunk.lower()) else [chunk]
        for part in parts:
            if len(parts) > 1 and len([t for t in tokens(part) if t not in _EMBED_STOP]) < 2:
                continue
            # a negated or denied chunk is not guessed at: the index cannot tell its polarity (polarity_free)
            if polarity_free(part) and not (normal is not None and normal.says_normal(part.lower())):
                out.append(part.strip())
    return out


def _without_durations(chunk: str) -> str:
    """A chunk with its duration phrases ('since yesterday', 'for 3 days', the chart's 'x 2/7') cut out."""
    merged: list[list[int]] = []  # the patterns overlap ('last 2 days' and '2 days'): cut each stretch once
    for a, b, _ in sorted(duration_spans(chunk)):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    for a, b in reversed(merged):
        chunk = re.sub(r"\bx\s*$", "", chunk[:a]) + " " + chunk[b:]
    return " ".join(chunk.split())


def finish(p: Prepared, lexicon: Lexicon, embeddings: EmbeddingIndex | None) -> Extraction:
    kb, ex, text, durations, since_antecedent = lexicon.kb, p.ex, p.text, p.durations, p.since_antecedent
    low, rules = text.lower(), assertions.load_rules("lay")
    mild = mild_readings.load(os.path.dirname(kb.source_files[0])) if kb.source_files else None
    if embeddings is not None and p.chunks:
        chunks = p.chunks
        flags = _emergency_flags(kb)
        for i, fid, score in embeddings.match(chunks):
            if is_mild(mild, fid, chunks[i].lower(), 0, len(chunks[i])):
                continue
            # session 27: two content words with no pain word are too few to guess an emergency sign from ('lying
            # flat' read breathless lying flat after 'heartburn ... and lying flat', 'going purple' of a sprained ankle
            # read the skin pain of compartment syndrome); 'RUQ ache', 'epigastric discomfort' still go
            if fid in flags and len([t for t in tokens(chunks[i]) if t not in _EMBED_STOP]) < 3 \
                    and not any(k in lexicon.pain_words or k in _DISCOMFORT for k in lexicon.word_keys(chunks[i].lower())):
                continue
            ex.mentions.append(Mention(fid, kb.finding(fid).name, True, chunks[i], "embedding", round(score, 3)))
    if since_antecedent and lingers(low):  # '... 4 weeks ago ... still got a dry cough': the cough's 4 weeks
        durations += since_antecedent
    # Duration from numbers beats the duration phrases in the synonym list.
    ex.duration_hours = max(durations) if durations else None
    if ex.duration_hours is not None:
        ex.mentions = [m for m in ex.mentions if m.finding_id not in DURATION_FINDINGS]
        for fid, present in duration_evidence(ex.duration_hours).items():
            ex.mentions.append(Mention(fid, kb.finding(fid).name, present, f"{ex.duration_hours:g} h", "duration"))
    ex.severity = extract_severity(_WORST_WHEN.sub("at its peak ", text.lower()), lambda piece: _speaks_of_pain(lexicon, piece))
    has_pain = any(m.present and kb.finding(m.finding_id).category == "pain" for m in ex.mentions)
    if has_pain and ex.severity in ("severe", "mild") and not any(m.finding_id == "severe_pain" for m in ex.mentions):
        ex.mentions.append(Mention("severe_pain", kb.finding("severe_pain").name, ex.severity == "severe",
                                   ex.severity, "severity"))
    ex.age = extract_age(text)
    ex.sex = extract_sex(text)
    # a mother's words about her baby ('breastfeeding my 5 week old') give the baby's age, not the patient's
    maternal = any(m.present and m.finding_id in ("breastfeeding", "recently_given_birth") for m in ex.mentions)
    # session 28 review: with a told gestation the 'baby' is the unborn one ('38 weeks pregnant, baby has not moved'
    # gave the patient a baby's age 0.6, the chat asked a child about pregnancy and ranked the common cold first)
    maternal = maternal or gestation.gestation_weeks(low) is not None
    if maternal and ex.age is not None and ex.age < 1:
        ex.age = None
    if ex.age is not None and ex.age < 0.25 and "infant_under_3m" in kb.finding_index:
        ex.mentions.append(Mention("infant_under_3m", kb.finding("infant_under_3m").name, True, "age", "age"))
    nlu_readings.read_pregnancy(kb, ex, low)  # before the vitals: pregnancy sets a reading's threshold (vitals.yaml `with`)
    nlu_readings.read_vitals(kb, ex, low, rules)
    lmp = menstrual.missed_period(low, os.path.dirname(kb.source_files[0])) if kb.source_files else None
    if lmp and "missed_period" in kb.finding_index and not any(m.finding_id == "missed_period" for m in ex.mentions):
        ex.mentions.append(Mention("missed_period", kb.finding("missed_period").name, lmp[0], lmp[1], "lmp"))
    nlu_readings.read_drug_intake(kb, ex, low)
    nlu_readings.read_cold_illness(kb, ex, low, rules)
    nlu_readings.read_breath_for_words(kb, ex)
    if one_eye(low) and FINDING in kb.finding_index and not any(m.finding_id == FINDING for m in ex.mentions):
        ex.mentions.append(Mention(FINDING, kb.finding(FINDING).name, True, "one eye by its side", "eye side"))
    arm_sides.resolve(kb, ex, low)  # 'can't lift my arms' is both arms, not a stroke's one side (session 29)
    sign_context.drop_out_of_context(ex, kb, low)  # 'foot pointing outwards' with no fall (sign_context.yaml)
    return ex


def _emergency_flags(kb) -> frozenset[str]:
    """The findings an emergency-level red-flag rule or an emergency condition's red flags name."""
    out = {f for r in kb.rules if r.level == "emergency" for f in (*r.all, *r.any)}
    out |= {f for c in kb.conditions if c.triage == "emergency" for f in c.red_flags}
    return frozenset(out)


def _speaks_of_pain(lexicon: Lexicon, piece: str) -> bool:
    """Whether a piece of text names a pain: a pain word of findings.yaml body_pain, or a pain finding's phrase."""
    if any(k in lexicon.pain_words for k in lexicon.word_keys(piece)):
        return True
    kb = lexicon.kb
    return any(kb.finding(i.lstrip("!")).category == "pain" for _, _, ids in _unblocked(lexicon.find(piece))
               for i in ids)
