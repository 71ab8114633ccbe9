"""Over every PubMedQA abstract (headings kept, rule roles): estimates, how many carry an outcome, how many card
result lines name one or say it is not stated; designs read. Prints counts only (no text)."""
import json, sys, collections
from medcore.config import Settings
from medcore.literature.service import read_paper
from medcore.literature.evaluate import abstract_text
from medcore.knowledge import service as knowledge
s = Settings(llm_backend="template")
term = knowledge.terminology(s)
data = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/pubmedqa/pqal_dev.json"))
c = collections.Counter(); designs = collections.Counter()
for pmid, item in data.items():
    title, text = abstract_text(item, True)
    r = read_paper(s, f"{title}\n{text}", classifier=False, term=term)[0]
    designs[r.design.kind] += 1
    for e in r.effects:
        c["estimates"] += 1
        c["with_outcome"] += bool(e.outcome)
    for line in r.card.main_results:
        c["card_result_lines"] += 1
        c["line_names_outcome"] += ("outcome:" in line.text)
        c["line_says_not_stated"] += ("outcome not stated" in line.text)
    c["registrations"] += len(r.design.registrations)
    c["reg_doubled"] += sum(1 for l in r.card.design if l.text.startswith("Registered") and len(l.text.split()) >= 3 and l.text.split()[1] in l.text.split()[2])
    c["reviews_with_studies"] += bool(getattr(r.pico.population, "studies", None))
print(json.dumps({"counts": c, "designs": designs}, indent=1))
