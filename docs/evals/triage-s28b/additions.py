"""Session 28b (issue 12): the lay, regional and text-speak phrases added to assets/kb/triage/findings.yaml.
`python docs/evals/triage-s28b/additions.py --apply` appends each finding's phrases to its `more_synonyms` /
`more_absent_synonyms` line, or adds a line under the '# session 28b' comment of that block; phrases the finding
already holds are skipped. Sources: NHS.uk and NHS 111 symptom pages (lay words for each symptom), patient.info
and MedlinePlus lay wording; regional forms (UK, US, Australian English) and text-speak written from knowledge."""
import re
import sys
from pathlib import Path

import yaml

SYN = {
    # chest pain and breathing (NHS.uk 'Chest pain', 'Heart attack', 'Shortness of breath'; MedlinePlus 'Chest pain')
    "chest_pain_crushing": ["tight across my chest", "tightness across my chest", "someone is sat on my chest",
                            "someone sat on my chest", "someone sitting on my chest", "chest is being squeezed",
                            "chest feels heavy", "chest is heavy", "chest feels like it is being crushed"],
    "chest_pain_radiating": ["from my chest into my jaw", "from my chest up into my jaw", "chest pain going into my jaw", "goes into my left arm", "going into my left arm", "going down my left arm", "spreads down my left arm"],
    "chest_pain_tearing": ["ripping in my chest", "something ripping in my chest", "tearing in my chest",
                           "ripping feeling in my chest", "tearing feeling in my chest"],
    "breathless": ["breathing funny", "breathing strangely", "breathing weird", "breathing oddly"],
    "breathless_severe": ["cant get any words out for breathing", "can only say a few words",
                          "can only say a few words at a time", "really struggling to breathe",
                          "really struggling to breath", "can hardly get a breath", "can hardly get my breath",
                          "too breathless to speak", "too breathless to talk", "too out of breath to talk"],
    "fast_breathing": ["fast shallow breaths", "quick shallow breaths", "rapid breathing", "breathing rapidly",
                       "breathing too fast", "breathing really quick", "breathing super fast"],
    # NHS.uk 'Bronchiolitis' / 'Sepsis': blue or grey lips; a parent's 'he went blue'
    "blue_lips": ["lips look purple", "lips are purple", "lips have gone purple", "lips going purple",
                  "he turned blue", "she turned blue", "he went blue", "she went blue", "baby went blue",
                  "baby turned blue", "went blue in the face", "turned blue in the face", "gone blue around the lips",
                  "blue tinge to his lips", "blue tinge to her lips", "blue tinge around the mouth"],
    "wheeze": ["rattly chest", "chest is rattly", "rattling chest", "whistly chest"],
    # stroke, FAST (NHS.uk 'Stroke': face dropped, can't lift arms, slurred or garbled speech)
    "face_droop": ["face is lopsided", "lopsided face", "face has gone lopsided", "face gone lopsided",
                   "smile is lopsided", "lopsided smile", "crooked smile", "smile is crooked", "smile has gone crooked",
                   "cant smile properly on one side", "can't smile properly on one side", "cant smile on one side",
                   "can't smile on one side", "face looks uneven", "face is uneven", "face looks wonky",
                   "face has gone wonky", "wonky face", "wonky smile"],
    "arm_weakness": ["arm feels like lead", "arm is like lead", "arm feels like a lead weight", "lost the use of my arm",
                     "arm is floppy", "arm has gone floppy", "arm went floppy", "cant move my left arm",
                     "can't move my left arm", "cant move my right arm", "can't move my right arm",
                     "cant lift my left arm", "can't lift my left arm", "cant lift my right arm",
                     "can't lift my right arm"],
    "speech_difficulty": ["sounds drunk", "sounding drunk", "sounds like he is drunk", "sounds like she is drunk",
                          "mumbling his words", "mumbling her words", "mumbling my words", "words are garbled",
                          "garbled speech", "speech is garbled", "talking gibberish", "speaking gibberish"],
    "vision_loss": ["sight has gone in one eye", "sight went in one eye", "lost the sight in one eye",
                    "gone blind in one eye", "went blind in one eye", "cant see out of one eye",
                    "can't see out of one eye"],
    # collapse and consciousness (NHS.uk 'Fainting', 'Head injury and concussion')
    "collapse": ["conked out",
                 "went down like a sack of potatoes"],
    "unresponsive": ["out cold", "wont respond to me", "won't respond to me", "not responding to me",
                     "not responding to anything", "cant get a response", "can't get a response",
                     "no response from him", "no response from her"],
    "drowsy": ["keeps drifting off", "drifting in and out", "drifting in and out of sleep", "spaced out",
               "zonked out", "dopey and confused"],
    # NICE NG143/NG240 and NHS.uk 'Meningitis' (the glass test; light hurting the eyes)
    "non_blanching_rash": ["doesnt go away with the glass test", "doesn't go away with the glass test",
                           "doesnt disappear when pressed", "doesn't disappear when pressed",
                           "stay when you press them", "stays when you press it", "stays when you press on it",
                           "still see the spots through the glass", "can see the spots through the glass",
                           "failed the glass test"],
    "photophobia": ["lights hurt my eyes", "lights are hurting my eyes", "light is hurting my eyes",
                    "lights hurting my eyes", "hurts to look at the light", "hurts to look at lights",
                    "cant look at the light", "can't look at the light", "cant look at bright lights",
                    "can't look at bright lights", "light makes my eyes hurt", "bright light hurts"],
    "shock_signs": ["hands and feet are freezing", "hands and feet are ice cold", "gone a grey colour",
                    "gone a funny grey colour", "skin is grey", "skin has gone grey", "face has gone grey",
                    "face is grey", "patchy and blue", "blue and blotchy", "blotchy and blue", "skin is blotchy",
                    "skin has gone blotchy", "skin looks blotchy"],
    "chills": ["freezing cold then boiling hot", "freezing one minute and boiling the next",
               "cold one minute and hot the next", "teeth are chattering", "shaking with cold", "cant get warm and shaking"],
    # bleeding (NHS.uk 'Vomiting blood', 'Bleeding from the bottom', 'Coughing up blood')
    "vomit_blood": ["sick with blood in it", "brought up blood", "bringing up blood", "vomit with blood in it",
                    "like coffee granules", "puked up blood", "chucked up blood",
                    "sick was bloody", "blood in my vomit", "blood in the vomit"],
    "rectal_bleeding": ["blood from my bottom", "blood from my back passage", "blood from my bum",
                        "blood coming from my bottom", "blood coming from my bum", "blood on the loo roll",
                        "blood on the tissue when i wipe my bum"],
    "vaginal_bleeding": ["bleeding down there", "blood when i wipe down there", "bleeding from down below"],
    # abdominal pain sites (NHS.uk 'Stomach ache', 'Appendicitis', 'Gallstones')
    "pain_rlq": ["lower right side of my belly", "lower right side of my stomach", "low down on the right side of my belly",
                 "low down on the right side of my stomach", "bottom right of my belly", "bottom right of my stomach",
                 "bottom right of my abdomen", "lower right of my tummy", "right side low down in my tummy"],
    "pain_ruq": ["top right of my tummy", "top right of my belly", "top right of my stomach", "upper right of my tummy",
                 "upper right of my belly", "under my ribs on the right", "right side under my ribs"],
    "pain_llq": ["lower left side of my stomach", "low down on the left side of my belly",
                 "low down on the left side of my stomach", "bottom left of my belly", "bottom left of my stomach",
                 "bottom left of my abdomen", "lower left of my tummy"],
    "abdominal_rigid": ["stomach is rigid", "belly is rigid", "abdomen is rigid", "rigid tummy", "rigid stomach",
                        "rigid belly", "tummy is hard as a rock", "belly is rock hard"],
    # gut (UK, US, Australian slang: chunder, barf, the squits, gippy tummy, Delhi belly)
    "vomiting": ["chundering", "chundered", "chunder", "barfing", "barfed", "spewed", "spewing up"],
    "diarrhoea": ["squits", "the squits", "runny tummy", "gippy tummy", "delhi belly", "liquid poo", "poo is like water",
                  "pooing water", "explosive poo", "the shits", "runny poos", "watery poos"],
    "constipation": ["bowels are blocked", "bowels blocked up", "cant do a poo", "can't do a poo",
                     "havent done a poo", "haven't done a poo", "havent pooed"],
    # urinary (NHS.uk 'Urinary tract infections', 'Urinary retention')
    "frequent_urination": ["weeing every five minutes", "peeing every five minutes", "weeing every few minutes",
                           "peeing every few minutes", "up and down to the loo", "up and down to the toilet",
                           "back and forth to the toilet", "back and forth to the loo", "in and out of the loo",
                           "always on the loo", "keep needing the loo", "keep needing to pee"],
    "urinary_retention": ["cant pee at all", "can't pee at all", "cant wee at all", "can't wee at all",
                          "nothing comes out when i try to pee", "nothing comes out when i try to wee",
                          "bladder feels like its going to burst", "bladder feels like it is going to burst"],
    # pregnancy (NHS.uk 'Your baby's movements', 'Signs that labour has begun')
    "pregnant": ["preggers", "preggo", "bun in the oven", "im having a baby", "i'm having a baby", "knocked up",
                 "up the duff"],
    "reduced_fetal_movements": ["baby hasnt kicked", "baby hasn't kicked", "baby has not kicked", "baby not kicking",
                                "baby isnt kicking", "baby isn't kicking", "baby stopped kicking",
                                "baby has stopped kicking", "kicks have slowed down", "kicks have stopped",
                                "not felt baby kick", "not felt the baby kick", "baby has gone very quiet"],
    "waters_broken": ["leaking fluid down below", "leaking water down below", "leaking fluid from down below",
                      "fluid trickling down my legs", "my knickers keep getting wet"],
    # mental health (NHS.uk 'Help for suicidal thoughts')
    "suicidal_thoughts": ["thoughts of harming myself", "thoughts of hurting myself", "end it all", "dont want to wake up",
                          "don't want to wake up", "everyone would be better off without me",
                          "better off without me", "unalive myself", "unaliving myself"],
    # a parent's words for a baby who will not settle (NHS.uk 'Crying baby'); told apart from an adult's low mood
    "inconsolable_crying": ["nothing stops her crying", "nothing stops him crying", "impossible to settle",
                            "screaming non stop", "crying non stop"],
    "low_mood": ["feeling really low", "down in the dumps", "feeling rubbish about everything",
                 "keep crying for no reason", "crying for no reason", "cant stop crying for no reason"],
    # ear, eye, skin, injury
    "ear_discharge": ["ear is weeping", "ear weeping", "weeping ear", "ear is oozing", "oozing from my ear"],
    "hives": ["raised itchy lumps", "raised itchy bumps", "itchy raised lumps", "itchy raised bumps", "itchy welts",
              "come out in welts", "nettle rash"],
    "wound": ["sliced my finger", "sliced my hand", "sliced my thumb", "sliced it open", "split my head open",
              "gashed my", "nicked my finger"],
    "swollen_lips_face": ["lips are huge", "lips have blown up", "lips are massive", "face has blown up",
                          "tongue is huge", "tongue feels too big", "tongue feels huge", "lips have ballooned"],
    "deformity": ["arm is bent the wrong way", "leg is bent the wrong way", "finger is bent the wrong way", "pointing the wrong way", "looks deformed"],
    "head_injury": ["whacked my head", "smacked my head", "cracked my head", "bashed my head", "clonked my head",
                    "banged his head", "banged her head"],
    "dizziness": ["wobbly on my feet", "unsteady on her feet", "unsteady on his feet", "room feels like its moving"],
    "presyncope": ["going to keel over", "gonna keel over", "about to keel over", "gonna pass out", "going to faint",
                   "gonna faint", "gonna black out", "feel like keeling over", "nearly fainted", "almost fainted",
                   "almost passed out", "nearly blacked out"],
    "palpitations": ["heart going ten to the dozen", "heart is going ten to the dozen", "heart going crazy", "heart is going crazy", "heart going mad", "heart is going mad",
                     "heart banging", "heart is banging", "heart beating out of my chest",
                     "heart jumping", "heart is jumping", "heart doing somersaults", "heart flipping"],
    "worst_headache": ["headache like being hit", "headache like i was hit", "like i was hit over the head",
                       "like someone hit me over the head", "like being hit over the head",
                       "like being hit with a baseball bat"],
    "poor_appetite": ["not interested in food", "not interested in eating", "hardly eating", "barely eating",
                      "off his grub", "off her grub", "off my grub", "wont eat anything", "won't eat anything"],
    "fatigue": ["zonked", "pooped", "no get up and go", "cream crackered", "dead on my feet", "totally drained", "drained all the time"],
    "leg_swelling_one": ["right leg is puffy", "left leg is puffy", "one leg is puffy", "one leg is fatter",
                         "one leg is bigger than the other", "one leg is fatter than the other",
                         "one calf is fatter than the other"],
    "sudden_testicular_pain": ["sudden severe pain in my balls", "sudden pain in my testicle", "sudden agony in my balls",
                               "sudden pain in my nuts", "sudden pain in my ball", "sudden pain in one ball"],
    "blurred_vision": ["everything is blurry", "everything looks blurry", "things are blurry", "things look blurry",
                       "everything is blurred", "vision is all blurry"],
    "back_pain": ["done my back in", "did my back in", "doing my back in", "back has gone again", "back is knackered"],
}
ABSENT = {
    "blue_lips": ["lips are a normal colour", "lips a normal colour", "lips are normal colour", "lips are not blue",
                  "lips arent blue", "lips aren't blue", "lips not blue"],
    "suicidal_thoughts": ["no thoughts of harming myself", "no thoughts of hurting myself", "not suicidal",
                          "no suicidal thoughts"],
}

BLOCK = "more_synonyms:"
ABSENT_BLOCK = "more_absent_synonyms:"


NOTE = "session 28b (issue 12): lay, regional and text-speak words of findings the KB had (additions.py)"


def _apply(lines: list[str], block: str, table: dict, have: dict, note: str = NOTE) -> list[str]:
    start = lines.index(block)
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#"))), len(lines))
    while end > start + 1 and not lines[end - 1].strip():  # new lines go before the trailing blank line
        end -= 1
    new = []
    for fid, phrases in table.items():
        known = {p.lower() for p in have.get(fid, ())}
        add = [p for p in dict.fromkeys(phrases) if p.lower() not in known]
        if not add:
            continue
        pat = re.compile(rf"^  {fid}: \[(.*)\]\s*$")
        at = next((i for i in range(start + 1, end) if pat.match(lines[i])), None)
        if at is not None:
            lines[at] = lines[at].rstrip()[:-1] + ", " + ", ".join(f'"{p}"' for p in add) + "]"
        else:
            new.append(f"  {fid}: [" + ", ".join(f'"{p}"' for p in add) + "]")
    if new:
        head = [f"  # {note}"]
        lines[end:end] = head + new
    return lines


def apply_tables(syn_table: dict, absent_table: dict, note: str, write: bool) -> None:
    """Append the tables' phrases to findings.yaml (when `write`); shared by later rounds (triage-s29b/additions.py)."""
    path = Path("assets/kb/triage/findings.yaml")
    doc = yaml.safe_load(path.read_text())
    syn = {f["id"]: [*f.get("synonyms", []), f["name"]] for f in doc["findings"]}
    for k, v in (doc.get("more_synonyms") or {}).items():
        syn.setdefault(k, []).extend(v)
    absent = {f["id"]: list(f.get("absent_synonyms", [])) for f in doc["findings"]}
    for k, v in (doc.get("more_absent_synonyms") or {}).items():
        absent.setdefault(k, []).extend(v)
    ids = set(syn)
    for fid in [*syn_table, *absent_table]:
        assert fid in ids, fid
    if write:
        lines = path.read_text().split("\n")
        lines = _apply(lines, BLOCK, syn_table, syn, note)
        lines = _apply(lines, ABSENT_BLOCK, absent_table, absent, note)
        path.write_text("\n".join(lines))
        yaml.safe_load(path.read_text())
    print(sum(map(len, syn_table.values())), "synonyms,", sum(map(len, absent_table.values())), "absent phrases")


def main() -> None:
    apply_tables(SYN, ABSENT, NOTE, "--apply" in sys.argv)


if __name__ == "__main__":
    main()
