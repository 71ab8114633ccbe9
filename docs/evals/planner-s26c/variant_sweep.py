"""Safety sweep of the INN-spelling rule: every one-word ingredient name of the lexicon written with a Spanish/
Italian ending (+a, +o, final e -> a/o) and read through drugs.resolve; counts readings as ANOTHER ingredient (wrong)
and readings read only by the new rule. Usage (repo root): PYTHONPATH=. python docs/evals/planner-s26c/variant_sweep.py"""
import json
from collections import Counter

from medcore.knowledge import drugs


def main() -> None:
    lex = drugs.load()
    out, wrong = Counter(), []
    for i, e in lex.ingredients.items():
        k = e["name"].lower()
        if " " in k or len(k) < 6 or not k.isalpha():
            continue
        variants = {k + "a", k + "o"} | ({k[:-1] + "a", k[:-1] + "o"} if k.endswith("e") else set())
        own = set(drugs.ingredients_of(i, lex=lex)) | {i}
        for v in variants - set(lex.index):
            r = drugs.resolve(v, lex=lex)
            if not r.ingredients:
                out["unread"] += 1
            elif set(r.ingredients) <= own or set(drugs.ingredients_of(r.ingredients[0], lex=lex)) <= own:
                out["own"] += 1
            else:
                out["other"] += 1
                wrong.append([v, k, list(r.ingredients), r.how])
    print(json.dumps({**out, "other_reads": wrong}, indent=0))


if __name__ == "__main__":
    main()
