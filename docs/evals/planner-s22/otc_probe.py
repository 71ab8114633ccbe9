"""The session-17 OTC dev list (docs/evals/planner-s17/otc_names_dev.txt) resolved with medcore.knowledge.drugs.resolve:
read (ok, not a spelling guess) / asked about (ambiguous) / spelling guess / unknown. Run from the repo root:
  PYTHONPATH=. python docs/evals/planner-s22/otc_probe.py [KB_DIR]   (KB_DIR: an assets/kb of another commit)"""
from medcore.knowledge.drugs import resolve, load
import sys
lex = load(sys.argv[1] if len(sys.argv) > 1 else None)
names=[l.strip() for l in open("docs/evals/planner-s17/otc_names_dev.txt") if l.strip()]
c={"read":0,"asked":0,"unknown":0,"spelling":0}
for n in names:
    r=resolve(n, lex=lex)
    if r.ok and r.how not in ("fuzzy","spelling"): c["read"]+=1
    elif r.how=="ambiguous": c["asked"]+=1
    elif r.ok: c["spelling"]+=1
    else: c["unknown"]+=1; print("unknown:", n)
print(c)
for n in ["Dimetapp DM","Rennie Duo","Dequacaine","Ultra Chloraseptic","Chloraseptic","Cepacol","Cepacol Extra Strength","Contac"]:
    r=resolve(n, lex=lex); print(n, r.ok, r.how, getattr(r,'ingredients',None) or getattr(r,'ids',None))
