"""The ICD-10-CM code of a matched problem term that has none of its own (an HPO term, a symptom-chat finding).

Moved out of records/problem_vocab.py (issue 11, session 13). The code is the one the same words name: an ICD-10-CM
title or inclusion term first, else the curated HPO -> ICD-10-CM map (assets/kb/records/problem_vocabulary.yaml);
else the same, one and two HPO levels up. A stop term ('pain') never gives a code: walking up from 'Abdominal pain'
to its parent 'Pain' gave G89 (pain not elsewhere classified, the chronic and post-procedural pain block), a wrong
code for every site-named pain; those pains have their site's code in the curated map."""

from __future__ import annotations

from medcore.knowledge.normalize import term_keys

# an HPO term no ICD-10-CM entry names takes the code of its nearest coded ancestor, this many levels up at most
# ('exertional dyspnea' -> 'dyspnea'); higher up the terms are organ-system classes, too broad for a code
ANCESTOR_LEVELS = 2
_TOO_BROAD = frozenset({"HP:0000118", "HP:0000001"})


def code_of(concept) -> str:
    return next(iter(concept.codes.get("icd10cm", ())), "")


def icd_named(term, only: frozenset[str], key: str):
    """The most specific ICD-10-CM concept these matched words name (K40.90 before the category K40)."""
    lex = term.lexicon
    ids = [lex.ids[i] for i in lex.concepts_of(key) if lex.types[i] == "icd10cm" and lex.ids[i] in only]
    return term.get(max(ids, key=len)) if ids else None


def code_by_name(vocab, concept, named) -> str:
    """An HPO term or finding without its own code (`vocab`: the ProblemVocab): see the module docstring."""
    if named is not None:
        return code_of(named)
    if concept.id in vocab.hpo_icd10cm:  # a symptom-chat finding with its curated code
        return vocab.hpo_icd10cm[concept.id]
    term = vocab.term
    hpo_ids = list(concept.codes.get("hpo", ()))
    names = [concept.name]
    for _ in range(ANCESTOR_LEVELS + 1):  # the term itself, then its parents, then theirs
        terms = [h for h in (term.get(f"hpo:{i}") for i in hpo_ids) if h is not None]
        keys = [k for name in names + [h.name for h in terms] for k in term_keys(name, term.variants)
                if k not in vocab.stop_keys]
        got = next((g for g in (icd_named(term, vocab.only, k) for k in keys) if g is not None), None)
        if got is not None:
            return code_of(got)
        code = next((vocab.hpo_icd10cm[h] for h in hpo_ids if h in vocab.hpo_icd10cm), "")
        if code:
            return code
        names = []
        hpo_ids = [p for h in terms for p in h.attrs.get("parents", ()) if p not in _TOO_BROAD]
    return ""
