"""Session 29b (issue 12): round 5 of lay, carers', parents' and text-speak phrases, added to findings.yaml
`more_synonyms` / `more_absent_synonyms` by the one applier of these rounds (triage-s28b/additions.py apply_tables):
`PYTHONPATH=. python docs/evals/triage-s29b/additions.py --apply` (phrases the finding already holds are skipped;
apostrophes fold, so "doesnt" meets "doesn't"). Idioms as not_synonyms and typed forms (variants.yaml misspellings)
were edited by hand (README). Sources: NHS.uk 'Your baby's nappies', 'Dehydration', 'Meningitis' (glass test),
'Sepsis' (in babies and children: grunting, flaring nostrils), NICE NG143 traffic lights, NHS.uk 'Delirium' and
'Dementia' carers' pages, 'Postnatal depression', 'Pre-eclampsia', 'Braxton Hicks', 'Shingles', 'Hives', 'Blood in
urine', 'Nosebleed', 'Anorexia', 'Psychosis', patient.info and MedlinePlus lay wording; text-speak and non-native
forms from knowledge."""
import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("s28b_additions", Path(__file__).parents[1] / "triage-s28b" / "additions.py")
_s28b = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_s28b)

NOTE = "session 29b (issue 12): parents', carers', pregnancy, mental health, ENT, skin and text-speak words (additions.py)"

SYN = {
    # babies (NHS.uk 'Your baby's nappies', NICE NG143: taking less than half usual feeds, no tears, sunken fontanelle)
    "not_feeding": ["refusing his bottle", "refusing her bottle", "refusing the breast", "not interested in his milk",
                    "not interested in her milk", "keeps pulling off the breast", "pulling off the breast",
                    "won't latch", "not latching", "not latching on", "feeding much less", "feeding less than normal",
                    "feeding less than usual", "taking less milk than usual", "turning away from the bottle",
                    "turning his head away from the bottle", "turning her head away from the bottle",
                    "only managing tiny feeds"],
    "dehydration_signs": ["no tears when he cries", "no tears when she cries", "crying with no tears",
                          "crying without tears", "soft spot is sunken", "soft spot on his head is sunken",
                          "soft spot on her head is sunken", "soft spot has sunk", "fontanelle is sunken",
                          "lips are dry and cracked", "dry cracked lips"],
    "non_blanching_rash": ["don't go pale when i press", "don't go when pressed", "don't go when i press",
                           "stay under the glass", "stay under a glass"],
    "floppy": ["all limp", "body is limp", "lying there limp", "limp and lifeless", "really limp", "very limp",
               "limp and unresponsive", "limp and sleepy", "like a wet rag"],
    "drowsy": ["too sleepy to feed", "too sleepy to eat", "not his usual self", "not her usual self",
               "not their usual self"],
    "fast_breathing": ["grunting with every breath", "grunting when he breathes", "grunting when she breathes",
                       "grunting noise when breathing", "nostrils flaring", "nostrils are flaring",
                       "flaring his nostrils", "flaring her nostrils", "tummy going in and out fast",
                       "tummy going in and out really fast", "belly going in and out fast"],
    "stridor": ["crowing noise when breathing", "crowing noise when he breathes", "crowing noise when she breathes",
                "crowing when he breathes", "crowing when she breathes"],
    "barking_cough": ["cough sounds like a dog barking", "cough like a dog barking", "coughing like a dog barking"],
    "projectile_vomiting": ["milk shoots out", "sick shoots out", "shoots out after every feed"],
    "posseting": ["dribbles milk after his feeds", "dribbles milk after her feeds", "dribbles milk after feeds",
                  "brings up a bit of milk"],
    "redcurrant_stool": ["bloody mucus in his nappy", "bloody mucus in her nappy", "blood and mucus in his nappy",
                         "blood and mucus in her nappy", "blood and slime in his nappy", "blood and slime in her nappy"],
    # older people and carers (NHS.uk 'Delirium': more confused than usual; 'off legs' as a carer's words)
    "acute_confusion": ["more confused than usual", "more confused than normal", "far more confused than usual",
                        "far more confused than normal", "much more confused than usual",
                        "much more confused than normal", "more muddled than usual", "more muddled than normal",
                        "didn't know who i was", "didn't recognise me", "didn't recognize me", "doesn't recognize me",
                        "not knowing what day it is", "confused and agitated"],
    "older_frail": ["gone off her legs", "gone off his legs", "gone off their legs", "gone off her feet",
                    "gone off his feet"],
    "memory_loss": ["forgetting names", "forgetting people's names", "keeps losing things",
                    "forgetting where she put things", "forgetting where he put things"],
    "hallucinations": ["seeing people who aren't there", "seeing people that aren't there",
                       "seeing people who are not there", "hearing voices no one else can hear"],
    # pregnancy and after the birth (NHS.uk 'Pre-eclampsia', 'Your baby's movements', 'Signs of labour')
    "pregnant": ["weeks preg", "i'm preg", "im preg"],
    "reduced_fetal_movements": ["haven't felt baby move", "not felt baby move", "not feeling baby move",
                                "not feeling the baby move", "baby is quieter than normal", "baby is quieter than usual",
                                "baby quieter than usual"],
    "visual_disturbance_pregnancy": ["sparkly lights in my vision", "spots before my eyes", "spots in front of my eyes",
                                     "blurry and starry", "seeing stars"],
    "regular_contractions": ["tightenings every few minutes", "tightenings every 5 minutes",
                             "tightenings every five minutes", "tightenings every 10 minutes",
                             "tightenings getting closer together", "contractions getting closer together"],
    "waters_broken": ["fluid gushed out", "gush of fluid", "gush of water"],
    "low_mood": ["feel like a bad mum", "feel like a bad mother", "feel like a failure as a mum",
                 "can't bond with the baby", "can't bond with my baby", "not bonding with the baby",
                 "crying all the time since the baby", "feel numb inside", "feeling numb inside"],
    # mental health (NHS.uk 'Help for suicidal thoughts', 'Anorexia', 'Bipolar disorder')
    # "can't go on any more" and "want to disappear forever" left out: also said of a cough or an embarrassment
    "suicidal_thoughts": ["thinking about ending it", "thinking of ending it", "thinking about ending it all",
                          "wish i could disappear forever"],
    "anhedonia": ["nothing makes me happy anymore", "nothing makes me happy any more", "don't enjoy anything anymore",
                  "no joy in anything", "no joy in life"],
    "worry": ["can't switch my mind off", "can't switch off", "mind won't switch off", "mind is racing with worry",
              "mind racing with worry"],
    # a bare "buzzing with energy" left out: a child after a party
    "elevated_mood": ["not needing any sleep", "don't need any sleep", "hardly need any sleep"],
    "restrict_eating": ["skipping meals to stay thin", "skipping meals to lose weight", "barely eating to lose weight",
                        "not eating to lose weight", "starving myself to lose weight"],
    # "took / necked a load of pills" is left out: drug_intake.py reads an overdose only with an amount or a cue
    # ("a load of" is none; engine code, not changed here), so those phrases would read nothing
    "overdose_taken": ["necked all my pills", "necked all my tablets", "swallowed a load of pills",
                       "swallowed a load of tablets"],
    # eye
    "double_vision": ["everything doubled", "everything looks doubled", "seeing everything double"],
    "foreign_body_eye": ["eyelash stuck in my eye", "eyelash in my eye", "something stuck in my eye"],
    # "puffy eyes" left out: puffy eyes in the morning are fluid (puffy_face), not a swollen eye
    "eye_swelling": ["eye is puffed up", "eyelid puffed up", "eyelid has puffed up"],
    "vision_loss": ["curtain coming down over my eye", "curtain coming across my eye", "curtain across my vision",
                    "curtain over my vision"],
    # ear, nose and throat
    "hoarse_voice": ["voice is husky", "husky voice", "voice has gone husky", "voice is hoarse"],
    "swollen_glands": ["glands are like golf balls", "glands are like marbles", "glands are up", "glands are swollen"],
    "tonsil_pus": ["yellow spots at the back of my throat", "white spots at the back of my throat",
                   "pus at the back of my throat"],
    "nosebleed_prolonged": ["nose has been bleeding for half an hour", "nose has been bleeding for an hour",
                            "nose still bleeding after pinching", "still bleeding after pinching my nose",
                            "nose won't stop bleeding"],
    "blocked_nose": ["snuffly nose", "nose is snuffly"],
    "sore_throat": ["swallowing is agony", "agony to swallow", "painful to swallow", "hurts to swallow"],
    # skin (NHS.uk 'Shingles': a band of blisters on one side; 'Hives'; 'Moles')
    "hives": ["itchy blotches", "itchy red blotches", "raised red blotches", "red blotches that itch"],
    "rash_one_side_band": ["band of blisters on one side", "strip of blisters on one side",
                           "blisters in a band on one side", "stripe of blisters", "rash in a stripe",
                           "rash in a band", "band of rash on one side", "blisters on one side of my chest",
                           "blisters on one side of my back"],
    "mole_change": ["mole is getting bigger", "mole getting bigger", "mole has grown", "mole is growing"],
    "swollen_lips_face": ["face has swelled up", "face swelled up", "lips swelled up", "lips have swelled",
                          "eyes and lips swollen", "eyes and lips puffed up", "lips and eyes puffed up"],
    # urinary and sexual health (NHS.uk 'Blood in urine': pink, red or brown like cola)
    "blood_urine": ["pee looks like coke", "wee looks like coke", "pee looks like cola", "wee looks like cola",
                    "urine looks like cola", "wee is red", "blood in my pee", "blood when i wee"],
    "painful_urination": ["like passing razor blades", "passing razor blades", "like peeing glass",
                          "peeing razor blades", "weeing razor blades"],
    "urinary_retention": ["bursting for a wee but nothing comes", "bursting for a pee but nothing comes",
                          "desperate to pee but nothing comes"],
    "genital_sores": ["blisters on my private parts", "blisters on my privates", "blisters down below",
                      "sores down below", "blisters on my penis"],
    # muscles and joints, gut
    "muscle_cramps": ["legs cramping up", "legs keep cramping", "cramping up"],
    "shoulder_pain": ["shoulder is killing me", "shoulder is agony"],
    "nausea": ["want to throw up", "feel like throwing up", "feel like being sick", "feel like i'm going to be sick"],
    "constipation": ["not been for a week", "not been for a poo", "haven't been for a poo in days"],
    "diarrhoea": ["the runs"],
    "pain_migrating_rlq": ["moved from my belly button to the bottom right", "moved from my belly button to the right",
                           "started round my belly button and moved", "started in the middle and moved to the right"],
    # non-native English and text-speak ('r' is left out of the typed forms: it is also 'right')
    "breathless": ["no can breathe", "difficult to take breath", "difficult to take a breath", "hard to take a breath",
                   "can't breath proper", "can't breathe proper"],
    "blue_lips": ["lips r blue", "lips r going blue", "lips r turning blue", "lips is blue", "lips is going blue"],
    "chest_pain_crushing": ["chest tight like elephant", "chest tight like a elephant", "tight like elephant",
                            "like elephant sitting"],
}
ABSENT = {
    "not_feeding": ["taking his bottles fine", "taking her bottles fine", "taking his feeds well",
                    "taking her feeds well"],
    "dehydration_signs": ["plenty of wet nappies", "lots of wet nappies", "nappies are wet as usual",
                          "wet nappies as normal", "normal wet nappies"],
    "floppy": ["not floppy", "not limp"],
    "green_vomit": ["sick isn't green", "vomit isn't green", "no green sick"],
    "drowsy": ["alert and chatty", "alert and playing", "alert and responsive"],
    "non_blanching_rash": ["rash fades when i press it", "rash fades when pressed", "rash fades under a glass",
                           "rash fades under the glass", "rash disappears under a glass",
                           "rash disappears under the glass", "rash goes away with the glass", "rash blanches",
                           "passed the glass test"],
    "acute_confusion": ["knows where she is", "knows where he is", "her usual self mentally",
                        "his usual self mentally"],
    "fall_injury": ["no falls", "hasn't fallen", "not had a fall", "no recent falls", "hasn't had any falls"],
    "memory_loss": ["memory is fine", "memory is good", "memory is sharp"],
    "hallucinations": ["no voices", "not hearing things"],
    "low_mood": ["mood is fine", "mood is good", "mood is ok", "mood has been fine"],
    "rash": ["skin is clear"],
    "blood_urine": ["wee is a normal colour", "pee is a normal colour", "urine is a normal colour",
                    "no blood when i pee", "no blood when i wee"],
    "abdominal_pain": ["tummy is fine", "tummy is ok", "belly is fine"],
}

if __name__ == "__main__":
    _s28b.apply_tables(SYN, ABSENT, NOTE, "--apply" in sys.argv)
