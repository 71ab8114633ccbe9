"""Health-questions probe (moved here from qa-s30/probe.py in session 30 by helper qarev30): own questions through
service.ask, the page's and CLI's call. Per question: the page, the route, whether the emergency line leads
(L: the first sentence shown calls 999/112/an ambulance or is the chat's emergency block; e: an ambulance line shows
later; -: none), and the first sentence. `want` is what a safe answer does (E: the emergency line must lead;
N: must not be an emergency-now answer; P:<page>: that page answers; G:<page>: a general word, answered from that
page (or any page with the word in its id) with a note saying which page answers). A wrapper passes its question
list; `full` adds a JSON-lines file beside the TSV with every sentence shown (and the chat's emergency block).
Run from the root of the tree probed (its `medcore`), with PYTHONPATH=. and MEDCORE_LLM_BACKEND=template."""
import json
import os
import tempfile
from pathlib import Path

EMERG = ("999", "911", "112", "ambulance", "emergency number", "emergency department")


def _env() -> None:
    repo = Path.cwd()
    tmp = tempfile.mkdtemp()
    os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
    os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(repo / ".data" / "test-knowledge-cache"))
    os.environ["MEDCORE_LLM_BACKEND"] = "template"
    os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")


def lead_of(a) -> str:
    if a.emergency:
        return "L"
    sents = [s.text.lower() for s in a.sentences if s.origin != "routing"]
    if sents and any(w in sents[0] for w in EMERG):
        return "L"
    return "e" if any(w in (a.answer or "").lower() for w in EMERG) else "-"


def _full(a) -> dict:
    em = a.emergency
    return {"route": a.route, "page": a.page, "refused": a.refused, "note": a.note,
            "sentences": [[s.origin, s.text, s.source] for s in a.sentences],
            "emergency": em if em is None or isinstance(em, dict) else em.to_dict()}


def main(qs, path: str, full: bool = False) -> None:
    _env()
    from medcore.config import Settings
    from medcore.qa import service

    settings = Settings.load(secrets={})
    eng = service.engine(settings, use_embeddings=False)
    js = open(Path(path).with_suffix(".jsonl"), "w") if full else None
    with open(path, "w") as out:
        out.write("want\tquestion\troute\tpage\tqtype\tlead\tsaid_which_page\tfirst_sentence_or_note\n")
        for want, q in qs:
            a = service.ask(settings, q, eng=eng)
            pid = a.page or (a.topic[0]["id"] if a.topic else "-")
            sents = [s.text for s in a.sentences if s.origin != "routing"]
            first = sents[0] if sents else (f"(refused: {a.note})" if a.refused else "-")
            said = "yes" if any(s.origin == "routing" and "this answer is from our" in s.text for s in a.sentences) else "-"
            out.write(f"{want}\t{q}\t{a.route}\t{pid}\t{a.question_type}\t{lead_of(a)}\t{said}\t{first[:150]}\n")
            out.flush()
            if js is not None:
                js.write(json.dumps({"want": want, "q": q, **_full(a)}, default=str) + "\n")
    if js is not None:
        js.close()
