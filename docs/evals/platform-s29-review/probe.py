"""Session 29 platform review probe (helper qa29fix): own questions through service.ask (the page's and CLI's call)
and own note lines through records service.summarize_input. Run on base and branch:
PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice .venv/bin/python docs/evals/platform-s29-review/probe.py OUT.tsv"""
import os
import sys
import tempfile
from pathlib import Path

REPO = Path.cwd()
tmp = tempfile.mkdtemp()
os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(REPO / ".data" / "test-knowledge-cache"))
os.environ["MEDCORE_LLM_BACKEND"] = "template"
os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")
from medcore import auth  # noqa: E402
from medcore.config import Settings  # noqa: E402
from medcore.qa import service  # noqa: E402
from medcore.records import inputs, service as rec  # noqa: E402

QS = [
    # first aid, emergencies
    "what should we do if my dad's fit has gone on for more than five minutes?",
    "what do I do if someone is having a seizure right now",
    "how can I help someone who is having a fit",
    "what to do if someone collapses and starts jerking",
    "what should I do if my son has an anaphylactic reaction to peanuts",
    "what do you do if someone's throat swells up after a bee sting",
    "what to do if a baby is choking",
    "what to do if my husband has chest pain",
    "what should I do if someone has crushing chest pain and is sweating",
    "what to do if someone's face droops and their speech is slurred",
    "what to do if I think someone is having a stroke",
    "what should I do if my child's asthma attack is not getting better with the blue inhaler",
    "what to do during a severe asthma attack",
    "what do I do if a cut is bleeding heavily and won't stop",
    "what to do if someone has taken an overdose of paracetamol",
    "what should I do if my friend says she wants to kill herself",
    "what to do if someone is unconscious and not breathing",
    "what to do if someone has a heart attack",
    "first aid for a burn from boiling water",
    "what to do if my toddler has a febrile seizure",
    "what to do if someone has a nosebleed that won't stop",
    "what to do if someone has heatstroke",
    "what should I do if my diabetic mum is confused and sweaty",
    "what should I do during a panic attack",
    "how to help my daughter during an asthma attack",
    "what to do if someone faints",
    # medicines (must not be caught by the attack cue)
    "what to do if I miss a dose of my epilepsy medicine",
    "what should I do if I took two doses of ibuprofen by mistake",
    "what to do if I forget to take my levetiracetam",
    "what do I do if I vomit after taking my pill",
    "what should I do if I missed my metformin",
    "what to do if I took an extra dose of my blood pressure tablet",
    "what should I do if I forget my inhaler",
    "what to do if sertraline makes me feel sick",
    # what is X
    "what is epilepsy?",
    "what is a seizure?",
    "what is a febrile seizure?",
    "what is dehydration?",
    "what is heat stroke?",
    "what is heat exhaustion?",
    "what is sunstroke?",
    "what is a stroke?",
    "what is asthma?",
    "what is anaphylaxis?",
    "what is a panic attack?",
    "what is status epilepticus?",
    "what causes epilepsy?",
    "how is epilepsy treated?",
    "can you drive with epilepsy?",
    "what is a heart attack?",
    "what is a migraine?",
    "what is gastroenteritis?",
    # unrelated
    "what to do if my car breaks down on the motorway",
    "what to do if I lose my passport",
    "what should I do in a job interview",
    "what to do when it rains",
    "how can I help my son with his maths homework",
    "what is the capital of France?",
    "what should we do if the wifi stops working",
    "what to do if my dog eats chocolate",
]
NOTES = [
    "PMH: epilepsy, on levetiracetam.",
    "Seizure this morning, lasted 2 minutes.",
    "Febrile seizure aged 2.",
    "History of seizures.",
    "Non-epileptic seizures, under psychology.",
    "No history of epilepsy.",
    "Family history of epilepsy.",
    "Dehydration after vomiting.",
    "Heat stroke after a marathon.",
]
EMERG = ("999", "911", "112", "ambulance", "emergency")
settings = Settings.load(secrets={})
eng = service.engine(settings, use_embeddings=False)
out = open(sys.argv[1], "w")
out.write("kind\titem\troute\tpage\tqtype\temergency\tfirst_sentence\n")
for q in QS:
    a = service.ask(settings, q, eng=eng)
    pid = a.page or (a.topic[0]["id"] if a.topic else "-")
    sents = [s.text for s in a.sentences if s.origin != "routing"]
    first = sents[0] if sents else ("(refused)" if a.refused else "-")
    txt = (a.answer or "") + " " + str(a.emergency or "")
    em = "E" if a.emergency else ("e" if any(w in txt.lower() for w in EMERG) else "-")
    out.write(f"q\t{q}\t{a.route}\t{pid}\t{a.question_type}\t{em}\t{first[:160]}\n")
    out.flush()
for n in NOTES:
    r = rec.summarize_input(inputs.from_paste(n, settings), settings, user=auth.SYSTEM, with_narrative=False)
    ps = "; ".join(f"{p.text}|{p.icd10cm}|{p.assertion}" for p in r.analysis.extraction.problems) or "-"
    out.write(f"note\t{n}\t-\t-\t-\t-\t{ps}\n")
