"""Write a `names:` YAML from a DEV blind pool (kind|class|typed name|ingredients), for planner-s26b/score.py.
Usage (repo root): python docs/evals/planner-s28/pool_yaml.py docs/evals/planner-blind-s27/pool.txt OUT.yaml
Only pools of sets that are DEV (s26, s27 since session 28) are read."""
import json
import sys


def main(src: str, dst: str) -> None:
    out, seen = ["names:"], set()
    for line in open(src, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("|")
        if len(parts) < 4:
            continue
        name, ingr = parts[2].strip(), parts[3].strip()
        if not name or not ingr or name.lower() in seen:
            continue
        seen.add(name.lower())
        out.append(f"  - {{name: {json.dumps(name)}, ingredients: {json.dumps([i.strip() for i in ingr.split(';') if i.strip()])}}}")
    open(dst, "w", encoding="utf-8").write("\n".join(out) + "\n")
    print(len(out) - 1)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
