"""Lists the typed names read as something other than their expected ingredients (a wrong read is worse than an
unread name) in every eval JSON of a run_dev.sh output folder. Usage: python wrong_reads.py OUTDIR"""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
total = 0
for path in sorted(out.glob("*.json")):
    data = json.loads(path.read_text())
    for err in data.get("name_errors", []):
        if err.get("recognised") and not err.get("ok"):
            total += 1
            print(f"{path.stem}\t{err['name']}\tgot={err.get('got')}\texpected={err.get('expected')}")
print(f"TOTAL wrong reads: {total}")
