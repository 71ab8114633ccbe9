"""Each session-15 regex rewrite against the pattern it replaced, on random strings built from the pattern's own
alphabet and words: every match's span and groups under finditer (what search/sub/split/findall see), or only
the groups of the first search where the caller reads nothing else (`groups`), or `.fullmatch` at every start
(`fullmatch`). Run: .venv/bin/python docs/evals/platform-s15-regex/check_rewrites.py [N]"""

import random
import re
import sys
from pathlib import Path

ALPHA = list(" \t\n,.;:-/%()*1234567890") + list("aAbeilnorstxy") + ["  ", "111,", "abcd-", "1,2"]
UNIT = (r"(?:\s*(?:mm\s?Hg|kg/m2|[A-Za-zµμ]{1,6}/(?:[A-Za-z]{1,5}|1\.73\s?m2)|kg|cm|mm|mL|ml|percentage\s+points?|"
        r"points?|units?|days?|hours?|minutes?|weeks?|months?|years?|%)(?![\w]))?")
VERBS = r"(?:was|were|is|are|has|have|had|been|being|got|then|now|therefore|subsequently|eventually|later|\w+ly)"
TAIL = r"(\d|x\d|po\b|iv\b|im\b|sc\b|tab|cap|daily|bid|tid|qid|prn|once|twice)"
CARRY = r"(?:(?:even|any|ever|yet|really|much|been|able|to|managed|had|has|have|a|an)\s+){0,4}"
# (name, old, new, flags, mode, extra words)
CASES = [
    ("normalize.parenthetical_forms", r"\s+,", r"(?<!\s)\s+,", 0, "spans", []),
    ("arms.listed split", r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+(?:to\s+)?",
     r"(?:(?<!\s)\s*)?,\s*(?:or\s+|and\s+)?|(?<!\s)\s+or\s+(?:to\s+)?", 0, "spans", ["or", "and", "to"]),
    ("arms.listed and", r"\s+and\s+", r"(?<!\s)\s+and\s+", 0, "spans", ["and"]),
    ("arms.listed percent", r"\d+\s*%|\bCI\b", r"(?<!\d)\d+\s*%|\bCI\b", 0, "spans", ["CI"]),
    ("control_arms.named_control", r"\s+(?:only|alone)$", r"(?<!\s)\s+(?:only|alone)$", re.I, "spans", ["only", "alone"]),
    ("inputs._clean_pdf_text", r"[ \t]+\n", r"(?<![ \t])[ \t]+\n", 0, "spans", []),
    ("numbers.parse_p", r"\s*or\s*", r"(?:(?<!\s)\s*)?or\s*", 0, "spans", ["or"]),
    ("pico._arms", r"\s+(?:before|after|during|in|among|at)\s+", r"(?<!\s)\s+(?:before|after|during|in|among|at)\s+",
     0, "spans", ["before", "in", "at"]),
    ("pico.read_pico", r",\s*(?:and\s+)?|\s+and\s+", r",\s*(?:and\s+)?|(?<!\s)\s+and\s+", 0, "spans", ["and"]),
    ("qa.understand._aside_parts", r",\s*|\s+or\s+", r",\s*|(?<!\s)\s+or\s+", 0, "spans", ["or"]),
    ("med_listed._joined", r"(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$",
     r"(?:,\s*(?:and\s+|or\s+)?|(?<!\s)\s+and\s+|(?<!\s)\s+or\s+)$", 0, "spans", ["and", "or"]),
    ("pgx._gene_key", r"\*?\s*(\d{2}:\d{2})", r"(?:\*|(?<![\s*]))\s*+(\d{2}:\d{2})", 0, "spans", ["12:34", "*"]),
    ("names.PLAIN dose tail", rf"(?:\s+{TAIL}).*$", rf"(?:(?<!\s)\s+{TAIL}).*$", re.I, "spans", ["po", "tab", "x1"]),
    ("assertion own_cue_carries_over", rf"(?:\s*,?\s*(?:or|nor)\s+{CARRY})", rf"(?:\s*+,?\s*+(?:or|nor)\s+{CARRY})",
     re.I, "fullmatch", ["or", "nor", "even", "any"]),
    ("numbers._RATE", r"(?<!\d)(?P<ev>\d+(?:,\d{3})*)\s*(?:/|of|out\s+of)\s*(?P<tot>\d+(?:,\d{3})*)\s*(?:\(\s*(?P<pct>\d+(?:\.\d+)?)\s?%\s*\))?",
     r"(?<!\d)(?!(?<=\d,)\d{3}(?!\d))(?P<ev>\d+(?:,\d{3})*)\s*(?:/|of|out\s+of)\s*(?P<tot>\d+(?:,\d{3})*)\s*(?:\(\s*(?P<pct>\d+(?:\.\d+)?)\s?%\s*\))?",
     0, "spans", ["of", "out of", "123", "12", "1234", "000,"]),
    ("question_cues interaction A.*B (yes/no)",
     r"\b(take|taking|use|using|have|having|give|giving)\b.*\bwhile (on|taking|using)\b|\b(take|use|give|mix|combine)\b.*\b(with|and|alongside)\b.*|\b(a drink|alcohol|drinking|beer|wine)\b.*\b(while|when) (on|taking|using)\b",
     r"\b(take|taking|use|using|have|having|give|giving)\b(?:(?!\b(?:take|taking|use|using|have|having|give|giving)\b).)*\bwhile (on|taking|using)\b|\b(take|use|give|mix|combine)\b(?:(?!\b(?:take|use|give|mix|combine)\b).)*\b(with|and|alongside)\b.*|\b(a drink|alcohol|drinking|beer|wine)\b(?:(?!\b(?:a drink|alcohol|drinking|beer|wine)\b).)*\b(while|when) (on|taking|using)\b",
     0, "truth", ["take", "use", "using", "while on", "while", "with", "and", "a drink", "drinking", "beer", "when taking", "mix"]),
    ("med_course._ended_phrases verb (chains <= 240 characters)", rf"(?:\s+{VERBS})+\s+$|\s+$",
     rf"(?<!\s)(?=[\s\w]{{1,240}}$)(?:\s+{VERBS})+\s+$|(?<!\s)\s+$", re.I, "endpos",
     ["was", "is", "slowly", "then", "ly", "had been"]),
]


def two_forms(old: bool) -> str:
    head = (r"\b(?<![^\w][A-Za-z]-)(?<![^\w][A-Za-z]\w-)(?<![^\w][A-Za-z]\w\w-)" if old
            else r"(?<![\w-])(?:(?:(?![A-Za-z])\w+)?-)*+")
    return head + (r"(?P<m1>[A-Za-z][\w\-]++)\s+(?P<h>[a-z][\w\-]{3,})\b(?:[^.;]|\.(?=\d)){0,160}?\b(?:compared\s+(?:with|to)|"
                   r"versus|vs\.?|rather\s+than)\s+(?:the\s+|a\s+|an\s+|those\s+with\s+)?(?P<m2>[A-Za-z][\w\-]+)\s+(?P=h)\b")


CASES.append(("treated_groups._TWO_FORMS (groups of the first search)", two_forms(True), two_forms(False), re.I,
              "groups", ["early", "late", "versus", "compared with", "vs", "care", "_x", "é", "ab-", "1-", "a-", "abcd-"]))


# session 15 (plat15c): the thousands-group patterns, taken from the modules as they are now; the old pattern is
# the same one without the guard (LATER_THOUSANDS_GROUP, or _PAIR's own), so this checks exactly what ships
NUMS = ["1,234", "111,111,222", "12,345,678", "1234,567", "1,2", "111,", "12,", "1,111", "5", "98", "0.5", "222.5"]


def thousands_cases() -> list:
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # this checkout's medcore, not an installed one
    import medcore.literature.arms as arms
    import medcore.literature.population_sex as sex
    import medcore.literature.population_size as size
    import medcore.records.measure as measure
    import medcore.records.med_listed as med_listed
    import medcore.records.meds as meds
    from medcore.knowledge.normalize import LATER_THOUSANDS_GROUP as G

    pair_guard = r"(?!(?<=\d)\d{1,2},|(?<=\d,)\d{3}(?!\d))"
    people = ["patients", "women", "men", "children", "were", "was", "included", "randomized", "who", "the", "and"]
    named = [("arms._PAIR", arms._PAIR, pair_guard, ["had drug A and", "walkers and", "drug A and", "B.", "received B,", "B were"] * 3 + ["were", "who", ".", "had"]),
             ("population_sex._ONE_SEX", sex._ONE_SEX, G, ["women", "male", "female", "boys", "adults", "healthy", "x"]),
             ("population_size._IN_GROUP", size._IN_GROUP, G, people + ["in the drug group", "to the drug arm", "were in the B group", "into the"])]
    named += [(f"population_size._N_PATTERNS[{i}]", size._N_PATTERNS[i][0], G,
               people + ["of them were included", "were randomized", "who were randomized", "procedures performed in", "performed in", "in",
                        "consecutive patients", "consecutive", "adults with asthma", "were studied", "received", "that were randomly"])
              for i in (1, 3, 4, 8, 10, 15)]
    named.append(("population_size._N_PATTERNS[14]", size._N_PATTERNS[14][0], G,
                  ["procedures performed in", "were performed in", "scans in", "in", "patients", "children"] * 2))
    named += [(f"measure._UNNAMED[{i}]", measure._UNNAMED[i][0], G,
               ["% on room air", "% at 2 L", "on RA", "%", "degrees Fahrenheit", "° C", "°F", "beats per minute", "bpm"])
              for i in (0, 1, 4)]
    dose = ["mg", "mg of", "units", "ml of", "% of", "%", "iv", "po", "tablets", "one liter of", "in", "-", "to", "/", "1/2"]
    named += [("med_listed._DOSE_BEFORE", med_listed._DOSE_BEFORE, G, dose),
              ("meds._DOSE", meds._DOSE, G, dose), ("meds._DOSE_BEFORE", meds._DOSE_BEFORE, G, dose)]
    out = []
    for name, p, guard, words in named:
        assert guard in p.pattern, name
        out.append((f"{name} (thousands guard)", p.pattern.replace(guard, ""), p.pattern, p.flags, "spans",
                    words + NUMS))
    return out


def rand_words(rng: random.Random, words: list[str]) -> str:
    seps = [" "] * 8 + [",", ", ", ".", "  ", "x", ";", "-"]
    text = "".join((rng.choice(NUMS) if rng.random() < 0.4 else rng.choice(words)) + rng.choice(seps)
                   for _ in range(rng.randint(1, 9)))
    return text.rstrip(" ") if rng.random() < 0.5 else text


def rand_text(rng: random.Random, words: list[str]) -> str:
    pool = ALPHA + words * 3
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))


def outcome(p: re.Pattern, text: str, mode: str):
    if mode == "spans":
        return [(m.span(), m.groups()) for m in p.finditer(text)]
    if mode == "groups":
        m = p.search(text)
        return m and m.groupdict()
    if mode == "truth":  # only whether it matches (understand.QuestionReader.read)
        return bool(p.search(text))
    if mode == "endpos":  # search(text, 0, k) for every k, as med_course does
        return [(m and (m.span(), m.groups())) for m in (p.search(text, 0, k) for k in range(len(text) + 1))]
    return [(i, bool(p.fullmatch(text, i, j))) for i in range(len(text) + 1) for j in range(i, len(text) + 1)]


def main(n: int = 4000) -> int:
    rng = random.Random(15)
    bad = 0
    for name, old, new, flags, mode, words in CASES + thousands_cases():
        po, pn = re.compile(old, flags), re.compile(new, flags)
        texts = [rand_text(rng, words) for _ in range(n)]
        if mode == "groups":  # a match needs "<m1> <head> ... versus <m2> <head>": build half the strings so
            piece = lambda: "".join(rng.choice(["a", "ab", "abcd", "1", "12", "_", "é", "-", "-", "x"])  # noqa: E731
                                    for _ in range(rng.randint(1, 6)))
            texts[::2] = [f"{rand_text(rng, words)[:4]}{piece()} {h} {rng.choice(['', 'was', '1.5', 'a b;'])} "
                          f"{rng.choice(['versus', 'vs.', 'compared with'])} {rng.choice(['late', 'b-x', piece()])} "
                          f"{h}{rand_text(rng, words)[:3]}"
                          for h in (rng.choice(['care', 'xcare', 'ab-care']) for _ in texts[::2])]
        if name.endswith("(thousands guard)"):  # 3/4 as words and numbers with blanks between, so they match
            texts[n // 4:] = [rand_words(rng, words) for _ in texts[n // 4:]]
        diffs = [t for t in texts if outcome(po, t, mode) != outcome(pn, t, mode)]
        hits = sum(1 for t in texts if outcome(po, t, mode) not in (None, [], False)
                   and (mode != "fullmatch" or any(x for _, x in outcome(po, t, mode))))
        print(f"{name}: {n} strings ({hits} with a match), {len(diffs)} differ" + (f", e.g. {diffs[0]!r}" if diffs else ""))
        bad += bool(diffs)
    return bad


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000))
