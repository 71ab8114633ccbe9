"""Session 30 review probe (helper qarev30): own questions, typed as patients, carers and students type them (written
for this review, from first-aid knowledge; nothing read off any data set), through service.ask (the page's and CLI's
call) by docs/evals/_tools/qa_probe.py. `want`: E the emergency line must lead; N no emergency-now answer; P:<page>
that page answers; G:<page> the page of the general word's most common form, said so; -: any (judged by hand).
Run from the root of the tree probed (base: a detached worktree at 46dadd39 with the .venv symlink):
PYTHONPATH=. MEDCORE_LLM_BACKEND=template nice -n 10 .venv/bin/python /work/wt-qarev30/docs/evals/qa-s30-review/probe.py OUT.tsv"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_tools"))
import qa_probe  # noqa: E402

QS = [
    # A. emergencies that must not be missed: typos, text-speak, third person, non-native English
    ("E", "my dad is chokin and cant breath"),
    ("E", "pls help my son choking on a sweet"),
    ("E", "baby chokng on grape what do i do"),
    ("E", "my grandmother is choke on food, she cannot speak"),
    ("E", "the old man in the shop is choking and going blue"),
    ("E", "my mate is choking on a bit of steak, he can't breathe"),
    ("E", "my wife isnt breathing"),
    ("E", "he collapsed and hes not breathing"),
    ("E", "someone has collapsed in the street and isn't breathing"),
    ("E", "my baby stopped breathing"),
    ("E", "my husband collapsed and is not breathing properly"),
    ("E", "my mum's face is drooping and she is talking funny"),
    ("E", "my dad cant lift his arm and his words are slurred"),
    ("E", "i think my wife is having a stroke"),
    ("E", "help my husband is having a stroke"),
    ("E", "his mouth has gone to one side and he can't speak properly"),
    ("E", "my son has been fitting for 10 minutes"),
    ("E", "she is having fits one after the other"),
    ("E", "my daughter's seizure won't stop"),
    ("E", "the man is having a seizure for over five minutes"),
    ("E", "my flatmate took a load of pills and wont wake up"),
    ("E", "my friend swallowed a whole packet of her tablets"),
    ("E", "i think my brother overdosed"),
    ("E", "my husband took too many of his sleeping tablets"),
    ("E", "my wife has taken an overdose of her antidepressants"),
    ("E", "my friend took an overdose last night and says she feels fine"),
    ("E", "he cut his arm on glass and its bleeding alot and wont stop"),
    ("E", "blood is pouring out of his leg"),
    ("E", "my son cut his hand with a knife and the blood is spurting"),
    ("E", "she fell through a window and is bleeding heavily"),
    ("E", "no headache but his face is drooping on one side"),
    ("E", "he isn't drunk and his speech is slurred"),
    ("E", "what should I do if a seizure lasts more than 5 minutes"),
    ("E", "my baby is choking and cant breathe"),
    ("E", "my baby is not breathing and is floppy"),
    ("E", "my toddler stopped breathing and won't wake up"),
    ("E", "my dad has collapsed, he's not responding and not breathing normally"),
    # B. neighbours that must not become an emergency now
    ("N", "what is choking"),
    ("N", "how to prevent choking when weaning"),
    ("N", "he choked last year, should i worry"),
    ("N", "my son choked on his food yesterday but he is fine now"),
    ("N", "my nose is bleeding a bit"),
    ("N", "can I take ibuprofen for a stroke risk?"),
    ("N", "can a child choke on popcorn?"),
    ("N", "my daughter is choking back tears all day, is it depression"),
    ("N", "no one is choking, I just want to learn first aid for choking"),
    ("N", "my son isn't breathing properly when he has a cold, he sounds wheezy"),
    ("N", "my grandad is not breathing through his nose because of his cold"),
    ("N", "my baby is not breathing properly through her blocked nose"),
    ("N", "my dad had a stroke 2 years ago and his face still droops"),
    ("N", "is slurred speech a sign of a stroke?"),
    ("N", "can epilepsy fits last more than 5 minutes?"),
    ("N", "my period is really heavy and bleeding a lot"),
    ("N", "my gums bleed when I brush my teeth"),
    ("N", "I cut my finger and it's bleeding a little"),
    ("N", "he was bleeding heavily but it has stopped now"),
    ("N", "she didn't take an overdose, she only took two paracetamol"),
    ("N", "he had a fit last week, when can he drive again"),
    ("N", "I have never had a seizure but my brother has epilepsy"),
    ("N", "he used to have fits as a child"),
    ("N", "symptoms of overdosing on vitamin D"),
    ("N", "my dad is fine and his face is not drooping"),
    ("N", "is choking a sign of reflux in babies?"),
    ("N", "my baby stops breathing for a few seconds when asleep, is that normal?"),
    # C. the heat-stroke longest-phrase rule and its neighbours
    ("P:condition:heat_stroke", "symptoms of heat stroke in children"),
    ("E", "my dad has heat stroke what do i do"),
    ("-", "can heat stroke cause a stroke?"),
    ("-", "what is a mini stroke?"),
    ("-", "what is a brain stem stroke?"),
    ("-", "is heat exhaustion the same as heat stroke"),
    # D. general words and their neighbours
    ("-", "what is chronic bronchitis?"),
    ("G:condition:acute_bronchitis", "is bronchitis contagious?"),
    ("-", "what is pernicious anaemia?"),
    ("-", "what is sickle cell anaemia?"),
    ("-", "what is diabetes insipidus?"),
    ("-", "what is gestational diabetes?"),
    ("-", "what is pre diabetes?"),
    ("-", "what is LADA diabetes?"),
    ("-", "my child has a UTI, what are the symptoms?"),
    ("-", "what is a UTI in men?"),
    ("-", "what is an upper urinary tract infection?"),
    ("G:condition:cystitis", "how do you treat a UTI?"),
    ("P:condition:hypoglycaemia", "what are the signs of a hypo?"),
    ("-", "my diabetic dad is having a hypo and is confused"),
    ("-", "what is hypo thyroid?"),
    ("-", "is hypo allergenic formula good for babies?"),
]

if __name__ == "__main__":
    qa_probe.main(QS, sys.argv[1], full=True)
