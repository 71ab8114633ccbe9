"""lit17: does a principled rule find PubMedQA's "maybe" answers? For each item (roles = the authors' headings, as
docs/evals/literature-s16 does; the shipped answer = words + the numbers check), the flags below are counted by gold
answer; a flag is worth a rule only if, among the items it fires on that the shipped answer gets as yes/no, gold
"maybe" outnumbers the shipped answer's being right. Prints aggregate counts only (no text).
Run: MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python docs/evals/literature-s17/maybe_rules.py train|dev"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from medcore.config import Settings  # noqa: E402
from medcore.embeddings import embed  # noqa: E402
from medcore.literature import ask as ask_mod, lit_eval, numbers  # noqa: E402
from medcore.literature.ask_model import ANSWERS, cue_patterns  # noqa: E402
from medcore.literature.ask_polarity import load_cue_model  # noqa: E402
from medcore.literature.headings import heading_map  # noqa: E402
from medcore.literature.model import Sentence  # noqa: E402

FURTHER = re.compile(r"\b(?:further|more|additional|larger|future|prospective)\s+(?:[\w\-]+\s+){0,3}?(?:stud(?:y|ies)|research|"
                     r"trials?|investigations?|data|evidence)\s+(?:(?:is|are)\s+)?(?:needed|required|warranted|necessary)\b", re.I)
UNCLEAR = re.compile(r"\b(?:remains?|is|are)\s+(?:still\s+)?(?:unclear|uncertain|controversial|inconclusive|unknown|debated)\b"
                     r"|\bremains?\s+to\s+be\s+(?:determined|established|clarified|elucidated|proven)\b|\binconclusive\b", re.I)

split = sys.argv[1]
s = Settings.load()
hmap = heading_map(s)
items = [a for a in lit_eval._select(s, hmap, split, 0, None) if a.question and a.answer in ANSWERS]
cues, cm = cue_patterns(s), load_cue_model(s)


def significance(sentences, roles):
    """(any significant, any null) over the parsed results of the results sentences."""
    sig = []
    for i, (t, r) in enumerate(zip(sentences, roles)):
        if r != "results":
            continue
        for e in numbers.extract_effects(Sentence(i, t, 0, len(t))):
            sig.append(numbers.significant(e))
        for _, _, v, rel, _ in numbers.parse_p(t.translate(numbers._DASHES)):
            if v is not None:
                sig.append(v < 0.05 if rel in ("<", "<=", "=") else (False if rel in (">", ">=") else None))
    return any(x is True for x in sig), any(x is False for x in sig)


flags = {"further_needed": Counter(), "unclear": Counter(), "further_and_no_significant": Counter(),
         "mixed_significant_and_null": Counter(), "any_flag_and_no_significant": Counter()}
gold_c, shipped_right = Counter(), 0
for a in items:
    roles = [lab or "" for lab in a.labels]
    vecs = embed([a.question] + a.sentences)
    ans = ask_mod.answer_question(a.question, a.sentences, roles, embed=lambda t, v=vecs: v, cues=cues, cue_model=cm).answer
    gold_c[a.answer] += 1
    shipped_right += ans == a.answer
    conc = " ".join(t for t, r in zip(a.sentences, roles) if r == "conclusions")
    sig, null = significance(a.sentences, roles)
    fired = {"further_needed": bool(FURTHER.search(conc)), "unclear": bool(UNCLEAR.search(conc))}
    fired["further_and_no_significant"] = fired["further_needed"] and not sig
    fired["mixed_significant_and_null"] = sig and null
    fired["any_flag_and_no_significant"] = (fired["further_needed"] or fired["unclear"]) and not sig
    for k, on in fired.items():
        if on and ans != "maybe":
            # what turning this answer into "maybe" would do: gained when gold is maybe, lost when it was right
            flags[k]["fires"] += 1
            flags[k]["gold_maybe (gain)"] += a.answer == "maybe"
            flags[k]["shipped_right (loss)"] += ans == a.answer
out = {"split": split, "items": len(items), "gold": dict(gold_c), "shipped_accuracy": round(shipped_right / len(items), 4),
       "roles": "authors' headings", "flags": {k: dict(v) for k, v in flags.items()}}
print(json.dumps(out, indent=1))
