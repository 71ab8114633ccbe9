"""`eval literature`: sentence roles and yes/no/maybe answers on PubMedQA abstracts the models never trained on.

Roles: every abstract's sentences are given to the installed classifier in order, as plain sentences (headings
removed); gold is the role of the heading the authors put over each sentence (role_data). Figures for the
classifier (its own decoding, and both decodings), and for the reader's transparent rules as a baseline.
Answers: the question with the classifier's conclusion sentences, against PubMedQA's expert answer."""

from __future__ import annotations

import time

from medcore.literature import role_data
from medcore.literature.model import ROLES
from medcore.literature.role_metrics import classification_report


def _select(settings, hmap, split: str, seed: int, data_path):
    abstracts = role_data.load_pubmedqa(settings, hmap, data_path)
    train, dev = role_data.split(abstracts, seed)
    dev_tune, holdout = role_data.split_dev(dev)
    return {"dev": dev, "train": train, "all": abstracts, "dev-tune": dev_tune, "holdout": holdout}[split]


def role_figures(abstracts, predict) -> dict:
    gold, pred = [], []
    for a in abstracts:
        for lab, (role, _) in zip(a.labels, predict(a)):
            if lab is not None:
                gold.append(lab)
                pred.append(role)
    return classification_report(gold, pred, ROLES)


def run_eval(settings, *, split: str = "dev", seed: int = 0, data_path=None, with_ask: bool = True,
             store=None, gold: bool = False, agreement: bool = False) -> dict:
    """`gold`: score roles against the hand-written sentence-level gold of the split (role_gold; session 9)
    instead of the weak heading labels; `roles` stays the weak-label figure, `roles_gold` is added.
    `agreement`: the two annotators' agreement (kappa, raw, per role) and the reader against each of them and on
    the sentences they agree on (role_agreement; session 10)."""
    from medcore.literature.headings import heading_map
    from medcore.literature.role_model import classifier_dir, load_from
    from medcore.literature.role_train import decode
    from medcore.literature.roles import decode_roles, rule_roles

    hmap = heading_map(settings)
    abstracts = _select(settings, hmap, split, seed, data_path)
    report: dict = {"split": split, "seed": seed, "abstracts": len(abstracts),
                    "input": "the abstract's sentences in order, headings removed; gold = the authors' heading "
                             "mapped to a role (LONG_ANSWER sentences = conclusions)"}
    # the rules as the reader applies them when no classifier is installed (position and cues, then background vs
    # objective settled; session 24)
    report["roles_rules_baseline"] = role_figures(abstracts, lambda a: rule_roles(settings, a.sentences))
    if agreement:
        report["agreement"] = agreement_figures(abstracts, split)
    folder = classifier_dir(settings, store)
    if folder is None:
        report["roles"] = None
        report["note"] = "no trained sentence-role classifier: train one with `python -m medcore train literature`"
        return report
    clf = load_from(folder, settings.role_encoder_dtype)
    t0 = time.perf_counter()
    probs = {id(a): clf.probabilities(a.sentences) for a in abstracts}
    secs = time.perf_counter() - t0
    report["classifier"] = {"folder": str(folder), "decode": clf.decode_how, "steps": clf.steps, "dtype": clf.dtype,
                            "then": "aim statements weigh toward objective inside the decode (intro_roles.aim_bias, "
                                    "session 13), then background vs objective inside the introduction "
                                    "(roles.settle_intro, session 9)"}
    roles_of = {id(a): decode_roles(settings, a.sentences, probs[id(a)], clf) for a in abstracts}  # the reader's
    report["roles"] = role_figures(abstracts, lambda a: roles_of[id(a)])
    if gold:
        report.update(_gold_figures(abstracts, split, lambda a: roles_of[id(a)]))
    if agreement:
        report["agreement"] = agreement_figures(abstracts, split, lambda a: roles_of[id(a)])
    for how in ("argmax", "monotone") + (("viterbi",) if clf.transitions is not None else ()):
        # the classifier alone, each decoding
        r = role_figures(abstracts, lambda a: decode(probs[id(a)], clf.cfg.roles, how, clf.transitions))
        report[f"roles_{how}"] = {"accuracy": r["accuracy"], "macro_f1": r["macro_f1"]}
    report["ms_per_abstract"] = round(1000 * secs / max(1, len(abstracts)), 1)
    if with_ask:
        report["ask"] = ask_figures(settings, abstracts, roles_of, store)
    return report


def _gold_figures(abstracts, split: str, predict) -> dict:
    """Roles against the sentence-level gold: on every gold sentence, and on the sentences the weak labels score
    (the same set as `roles`, so the two differ only in the labels)."""
    from medcore.literature import role_gold

    path = role_gold.gold_path(split)
    if not path.is_file():
        raise FileNotFoundError(f"no sentence-level gold for split {split!r} ({path})")
    gold_abs = role_gold.apply_gold(abstracts, role_gold.load_gold(path))
    weak_set = [type(a)(a.id, a.sentences, [g if w is not None else None for g, w in zip(ga.labels, a.labels)])
                for a, ga in zip(abstracts, gold_abs)]
    changed = sum(1 for a, ga in zip(abstracts, gold_abs) for w, g in zip(a.labels, ga.labels)
                  if w is not None and w != g)
    by_id = {a.id: predict(a) for a in abstracts}
    pred = lambda a: by_id[a.id]  # noqa: E731
    return {"gold": str(path.relative_to(role_gold.REPO_ROOT)),
            "roles_gold": role_figures(gold_abs, pred),
            "roles_gold_on_weak_sentences": role_figures(weak_set, pred),
            "weak_labels_changed_by_gold": changed}


def agreement_figures(abstracts, split: str, predict=None) -> dict:
    """Annotator A (role_gold.gold_path) against annotator B (role_gold.second_gold_path) on every sentence of
    the split, both checked against the sentences by fingerprint; with `predict`, the reader against each."""
    from medcore.literature import role_agreement, role_gold

    paths = {"a": role_gold.gold_path(split), "b": role_gold.second_gold_path(split)}
    for who, path in paths.items():
        if not path.is_file():
            raise FileNotFoundError(f"no annotation {who.upper()} for split {split!r} ({path})")
    a_abs, b_abs = (role_gold.apply_gold(abstracts, role_gold.load_gold(p)) for p in paths.values())
    la = [lab for x in a_abs for lab in x.labels]
    lb = [lab for x in b_abs for lab in x.labels]
    out = {"annotation_a": str(paths["a"].relative_to(role_gold.REPO_ROOT)),
           "annotation_b": str(paths["b"].relative_to(role_gold.REPO_ROOT)),
           "annotators": role_agreement.annotator_agreement(la, lb, ROLES)}
    if predict is not None:
        pred = [role for x in abstracts for role, _ in predict(x)]
        out["reader"] = role_agreement.model_against_annotators(pred, la, lb, ROLES)
    return out


def ask_figures(settings, abstracts, roles_by_id: dict, store=None) -> dict:
    from medcore.embeddings import embed
    from medcore.literature import ask as ask_mod
    from medcore.literature.ask_model import ANSWERS, cue_patterns, load_answer_model

    from medcore.literature.ask_polarity import load_cue_model

    model = load_answer_model(settings, store)
    cue_model = load_cue_model(settings) if model is None else None
    cues = cue_patterns(settings)
    items = [a for a in abstracts if a.question and a.answer in ANSWERS]
    gold, pred, with_evidence = [], [], 0
    for a in items:
        roles = [r for r, _ in roles_by_id[id(a)]]
        ans = ask_mod.answer_question(a.question, a.sentences, roles, embed=embed, cues=cues, model=model,
                                      cue_model=cue_model)
        gold.append(a.answer)
        pred.append(ans.answer)
        with_evidence += bool(ans.evidence)
    rep = classification_report(gold, pred, ANSWERS)
    majority = max(ANSWERS, key=gold.count) if gold else None
    return {"items": len(items),
            "method": "model" if model is not None else "cue-model" if cue_model is not None else "cues",
            "accuracy": rep["accuracy"],
            "macro_f1": rep["macro_f1"], "confusion": rep["confusion"], "labels": rep["labels"],
            "with_evidence": with_evidence,
            "majority_baseline": round(gold.count(majority) / len(gold), 4) if gold else None,
            "roles_from": "the classifier's predictions, headings removed"}
