"""Side by side: python3 diff.py A.jsonl B.jsonl -> per probe both readings (problems; labs/vitals), DIFF where they differ."""
import json
import sys

a = [json.loads(line) for line in open(sys.argv[1])]
b = [json.loads(line) for line in open(sys.argv[2])]
for x, y in zip(a, b):
    same = x["problems"] == y["problems"] and x.get("measures") == y.get("measures")
    print("    " if same else "DIFF", y["text"].replace("\n", "\\n"))
    if not same:
        print("   A:", x["problems"], x.get("measures", []))
    print("   B:", y["problems"], y.get("measures", []))
