"""Sweep "what is X?" over common conditions: which page answers, its first sentence, any routing note.
Run: MEDCORE_LLM_BACKEND=template nice .venv/bin/python docs/evals/platform-s29/what_is_sweep.py OUT.tsv"""
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
tmp = tempfile.mkdtemp()
os.environ.setdefault("MEDCORE_DATA_DIR", tmp)
os.environ.setdefault("MEDCORE_KNOWLEDGE_CACHE_DIR", str(REPO / ".data" / "test-knowledge-cache"))
os.environ["MEDCORE_LLM_BACKEND"] = "template"
os.environ.setdefault("MEDCORE_DATABASE_URL", f"sqlite:///{tmp}/t.db")
from medcore.config import Settings  # noqa: E402
from medcore.qa import service  # noqa: E402

# commonest conditions people ask about by name (own list, from clinical knowledge)
NAMES = """asthma|epilepsy|dehydration|diabetes|type 2 diabetes|high blood pressure|migraine|eczema|psoriasis|gout|
COPD|pneumonia|bronchitis|flu|the common cold|covid|tonsillitis|sinusitis|an ear infection|conjunctivitis|
a urinary tract infection|cystitis|kidney stones|appendicitis|gastroenteritis|irritable bowel syndrome|acid reflux|
constipation|diarrhoea|piles|anaemia|an underactive thyroid|depression|anxiety|dementia|a stroke|a heart attack|
angina|heart failure|atrial fibrillation|deep vein thrombosis|a pulmonary embolism|sepsis|meningitis|chickenpox|
shingles|measles|scarlet fever|impetigo|cellulitis|osteoarthritis|rheumatoid arthritis|sciatica|osteoporosis|
concussion|a head injury|a burn|anaphylaxis|hay fever|croup|bronchiolitis|glandular fever|thrush|vertigo|acne|
gallstones|pancreatitis|diverticulitis|endometriosis|pre-eclampsia|hypoglycaemia|a seizure|a panic attack|
whooping cough|hand, foot and mouth disease|heat stroke|food poisoning|sore throat|a nosebleed"""
names = [n.strip() for n in NAMES.replace("\n", "").split("|") if n.strip()]
settings = Settings.load(secrets={})
eng = service.engine(settings, use_embeddings=False)
out = open(sys.argv[1], "w")
out.write("asked\tpage\tpage_title\trouting\tfirst_sentence\n")
for n in names:
    a = service.ask(settings, f"what is {n}?", eng=eng)
    pid = a.topic[0]["id"] if a.topic else "-"
    title = eng.pages[pid].title if pid in eng.pages else "-"
    routing = " ".join(s.text for s in a.sentences if s.origin == "routing")[:80]
    first = next((s.text for s in a.sentences if s.origin != "routing"), "(refused)" if a.refused else "-")
    out.write(f"{n}\t{pid}\t{title}\t{routing}\t{first[:140]}\n")
    out.flush()
