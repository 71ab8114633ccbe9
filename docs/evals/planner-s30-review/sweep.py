# planrev30: each new ingredient of breadth_s30 against the top-market names (run from the repo root).
"""Each new ingredient against every top-market name: findings (severity, rules) -> one line each."""
import sys
from medcore.config import Settings
from medcore.therapy.kb import load_kb
from medcore.therapy import interactions as ix
kb = load_kb(Settings.load())
new = "digitoxin drotaverine tolperisone loxoprofen bemiparin urapidil molsidomine butamirate melperone pipamperone opipramol sultiame teneligliptin cilnidipine nitroxoline levodropropizine flunitrazepam etizolam rebamipide voglibose mirogabalin clotiapine nifuroxazide otilonium tolbutamide ethotoin".split()
tops = [l.strip() for l in open("docs/evals/planner-s28b-review/topnames.txt") if l.strip()]
for d in new:
    for t in tops:
        rep = ix.check_names(kb, [d, t])
        for f in rep.findings:
            print(f"{d}\t{t}\t{f.severity}\t{','.join(f.rules)}\t{f.mechanism[:80]}")
