"""Places, facilities, organisations and lower-case names: PHI that real transcribed notes carry and the
pattern rules in patterns.py did not see ("ABCD General Hospital", "Tyler, Texas", "works at Walmart",
"seen by dr. okafor").

Safe Harbor removes every geographic subdivision smaller than a state (so cities and towns), and a facility
or employer narrows a patient down as much as a town does. Each rule needs a cue, because capitalised words
alone are mostly clinical ("Graves disease", "Pain Management Clinic"):
- a facility is a run of capitalised words ending in a facility word (Hospital, Medical Center, Clinic, ...)
  with at least one word that is not clinical or generic ("Lakeside Family Clinic", not "Pain Clinic");
- an organisation ends in a company word (Corporation, Inc., ...) or follows an employment cue ("works at");
- a city follows a residence or travel cue ("lives in", "moved from", "born in", "near"), a facility ("Mercy
  Hospital in Springfield"), or stands before a US state ("Tyler, Texas");
- a lower-case name follows a title with its full stop ("dr. okafor", "ms. adeyemi": a bare "ms" is multiple
  sclerosis) or a patient label with a known given name ("patient maria gonzalez").
Every quantifier is bounded (the hostile-input tests time these on long runs)."""

from __future__ import annotations

import re
from typing import Callable

from medcore.deid.patterns import _LO, _UP, RELATIVE
from medcore.deid.place_table import gazetteer

# one capitalised word, possibly hyphenated or in camel case ("MedStar", "PeaceValley")
_W = rf"[{_UP}][{_LO}'’]+(?:[{_UP}][{_LO}]{{2,}})?(?:-[{_UP}][{_LO}]+)?"
_CAPS = r"[A-Z]{2,6}"  # placeholder facility names of transcription samples: "ABCD", "XYZ"
_LINK = r"(?:of|the|and|&|for|de|del|la|St\.?|Saint|Mount|Mt\.?)"  # not "at": "Suite at X Hospital"
_FACILITY_HEAD = (r"(?:Hospitals? (?:and|&) Clinics|Hospitals?|Medical Cent(?:er|re)|Health(?:care)? (?:System|Cent(?:er|re))|Clinic|Infirmary|"
                  r"Nursing Home|Nursing (?:and|&) Rehabilitation Cent(?:er|re)|Rehabilitation(?: Cent(?:er|re)| Hospital)?|"
                  r"Surgery Cent(?:er|re)|Surgical Cent(?:er|re)|Imaging Cent(?:er|re)|Cancer Cent(?:er|re)|Hospice House|Hospice|"
                  # (session 17: the longer head first, or "Evergreen Hospice" stops short of "House")
                  r"Correctional (?:Facility|Cent(?:er|re))|Detention Cent(?:er|re)|Prison|"
                  r"Medical Group|Medical Associates|Health Partners|Elementary School|Middle School|High School|"
                  r"School|College|University|Memorial|Assisted Living|Senior Living|Care Home|Retirement (?:Home|Village|Community)|"
                  r"Institute|Birth(?:ing)? Cent(?:er|re)|Urgent Care|Skin and Laser|Imaging|"
                  r"Dialysis Cent(?:er|re)|Health Centre|Pharmacy|Apothecary|Dermatology|Cardiology|Orthopa?edics|Pulmonology|"
                  r"Pediatrics|Paediatrics|Urology|Oncology|Gastroenterology|Neurology|Podiatry|Dental|Dentistry|"
                  r"Eye Care|Optometry|Physical Therapy|Physiotherapy|Building|Pavilion|"
                  r"(?:Breast|Heart|Women['’]s|Vein|Spine|Wellness|Eye|Sleep|Wound|Kidney|Behavio(?:u)?r(?:al)?) Cent(?:er|re)|"
                  # a system or a unit named by its own word and a bare head: "Kessington Health", "Harrowgate Regional"
                  r"(?:Care|Living|Convalescent|Nursing) Cent(?:er|re)|Health(?:care)?|Rehab|Regional|"
                  # a general practice named by its own word: "Kirkgate Medical Practice", "Elm Row Family Practice"
                  r"(?:Medical|Family|Group|Dental) Practice|"
                  # (session 28) an emergency department named by its hospital's own word: "the Dunmore Emergency Room"
                  r"Emergency (?:Room|Department))")
# [words] head [- Place | of Place]: "Riverside General Hospital", "University of Iowa Hospitals",
# "Baptist Memorial Hospital-Memphis", "Children's Medical Center of Dallas".
FACILITY = re.compile(
    rf"\b((?:(?:St\.|Mt\.)[ \t]+)?(?:(?:{_W}|{_CAPS})[ \t]+(?:{_LINK}[ \t]+){{0,2}}){{1,5}}{_FACILITY_HEAD}"
    # (session 28: or "for" whom it is, "Shriners Hospital for Children", "Hospital for Special Surgery")
    rf"(?:-{_W}|[ \t]+(?:of|for)[ \t]+{_W}(?:[ \t]+{_W})?)?"
    # the trust that runs it, part of its name: "St Aidan's Hospital NHS Trust" (also "Nhs", in a title-cased copy)
    rf"(?:[ \t]+(?:(?i:nhs)[ \t]+)?(?:Foundation[ \t]+)?Trust)?)\b")
ORG_SUFFIX = re.compile(
    rf"\b((?:{_W}|{_CAPS})(?:[ \t]+(?:{_W}|&)){{0,3}}(?:,[ \t]+(?:Inc\.?|LLC|Ltd\.?|Corp\.?)(?![{_LO}])|[ \t]+(?:Corporation|Corp\.?|Inc\.?|Incorporated|Company|LLC|"
    rf"Ltd\.?|Industries|Instruments|Airlines|Motors|Foods|Bank|Insurance Company|Group|Associates|Partners|Logistics|"
    rf"Lines|Freight|Haulage|Roasters|Bakery|Joinery|Daycare|Day Care|Nursery|Academy|Café|Cafe|Diner|Restaurant|Hotel|"
    rf"Construction|Builders|Plumbing|Farms?|Dairy|Mills?|Works|Supermarkets?|Stores?|Warehouse|Distribution(?: Hub| Cent(?:er|re))?|"
    rf"Police(?: Department)?|Fire Department|Air Force Base|Army Base|Naval (?:Air )?Station|Sheriff's Office|School District|"
    # a congregation names a community as narrowly as an employer (session 17)
    rf"Church|Temple|Synagogue|Mosque|Parish)(?![{_LO}])))")
# (session 28) a nation's armed service named in full is an employer's name ("a United States Coast Guard officer",
# "retired from the U.S. Air Force"); a bare "the Army" or "a Marine" is left as an ordinary word
MILITARY = re.compile(r"\b((?:United[ \t]+States|U\.[ \t]?S\.|US|Royal|British)[ \t]+(?:Army(?:[ \t]+Reserve)?|Navy|Naval[ \t]+Reserve|"
                      r"Air[ \t]+Force|Marine[ \t]+Corps|Marines?|Coast[ \t]+Guard|Space[ \t]+Force|National[ \t]+Guard))\b")
ORG_CUE = re.compile(
    rf"\b(?i:works?(?:[ \t]+as[ \t]+an?[ \t]+[a-z]+(?:[ \t]+[a-z]+)?)?[ \t]+(?:at|for)|worked[ \t]+(?:at|for)|"
    rf"working[ \t]+(?:at|for)|employed[ \t]+(?:by|at)|hired[ \t]+(?:by|at)|employer[ \t]*:[ \t]*,?|retired[ \t]+from)[ \t]+(?:the[ \t]+)?((?:{_W}|{_CAPS})(?:[ \t]+{_W}){{0,3}})")
_STATE_NAMES = ("Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
                "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
                "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
                "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
                "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|"
                "Mexico|Canada|England|Scotland|Wales|Ireland|India|China|Nigeria|Philippines|Vietnam|Poland")
# Two-letter codes that are also clinical or credential abbreviations (MD, OR, IN, ME, OK, PA, DO) are left out.
_STATE_CODES = ("AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|ID|IL|IA|KS|KY|LA|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
                "RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
# (a state code before a number is a lab or a credential, "CA 125", unless the number is a ZIP: "East Orange, NJ  07018")
CITY_STATE = re.compile(rf"\b({_W}(?:[ \t]+{_W})?),[ \t]+(?:{_STATE_NAMES}|STATE(?=[ \t]+\d{{5}}\b)|(?:{_STATE_CODES})\b(?:(?![ \t]*\d)|(?=[ \t]+\d{{5}}\b)))")
# a transcription sample's placeholder for a facility's name: "taken to X Hospital", "transferred from ABCD Home"
# (in title case too, "classes at Abc Clinic": "abc" is also clinical vocabulary, so the facility rule passes it by)
PLACEHOLDER_FACILITY = re.compile(r"\b((?:ABC(?:DE?)?|Abcd?|XYZ|Xyz|X{1,4}|[XYZ])[ \t]+(?:Hospital|Medical[ \t]+Cent(?:er|re)|Clinic|"
                                  r"Cent(?:er|re)|Home|Nursing[ \t]+Home|Health(?:care)?|Rehab(?:ilitation)?))\b")
# a letter template's placeholder for the town and the state of an address: "Suite 1, ABC Avenue, City, State,"
PLACEHOLDER_TOWN = re.compile(r"\b(City|CITY),[ \t]*(State|STATE)\b(?=[ \t]*(?:[,.]|\d{5}\b|$))", re.M)
# a hospital system named by its church, before a word of its services: "the Baptist lab system", "Methodist ER"
CHURCH_HOSPITAL = re.compile(r"\b((?:Baptist|Methodist|Presbyterian|Lutheran|Adventist|Episcopal|Mercy))(?=[ \t]+"
                             r"(?i:labs?|laboratory|systems?|records?|ER|ED|emergency|clinics?|charts?|database|radiology)\b)")
# a ZIP code after a state written out, or after a letter template's "STATE" placeholder: "Ohio 43215", "City, STATE 54321"
ZIP_AFTER_STATE = re.compile(rf"\b(?:{_STATE_NAMES}|(STATE))[ \t]+(\d{{5}}(?:-\d{{4}})?)\b(?![.,]\d)")
STATES = frozenset(n.lower() for n in _STATE_NAMES.split("|"))
CITY_CUE = re.compile(
    rf"\b(?i:lives?|living|resides?|residing|moved|relocated|born|raised|grew[ \t]+up|emigrated|immigrated|"
    rf"originally|travel(?:l)?ed|visiting|returned|vacation(?:ed)?|resident|native)"
    rf"(?:[ \t]+(?i:here|back|recently|with[ \t]+\w+(?:[ \t]+\w+)?))?[ \t]+(?i:in|to|from|of|at)[ \t]+"
    rf"((?:{_W})(?:[ \t]+{_W})?)|\bnear[ \t]+({_W}(?:[ \t]+{_W})?)")
# a second town after "to X from Y" / "from X to Y"
CITY_PAIR = re.compile(rf"\b(?i:to|from)[ \t]+{_W}(?:[ \t]+{_W})?[ \t]+(?i:from|to)[ \t]+({_W}(?:[ \t]+{_W})?)")
# a named street without a house number, after a preposition of place: "on Market Street", "off Fenwick Lane"
STREET_CUE = re.compile(
    rf"\b(?:on|off|in|at|near|along|of)[ \t]+(?:the[ \t]+)?({_W}(?:[ \t]+{_W})?[ \t]+(?:Street|Road|Lane|Avenue|Way|Terrace|"
    rf"Crescent|Drive|Boulevard|Close|Gardens|Grove|Mews|Place|Row|Walk|Parade|Square))\b"
    # the street ends a phrase; before a noun it names something else ("the Park Lane clinic")
    rf"(?=[ \t]*(?:[,.;:)]|$)|[ \t]+(?:in|at|on|near|and|with|for|to|from|by|or|since|until|after|before|when|where|"
    rf"which|who)\b)", re.M)
_STREET_HEADS = frozenset(("Street", "Road", "Avenue", "Boulevard", "Lane"))
# a town after "from"/"in" with nothing else to go on, when it ends a clause: "drives up from Gdańsk on",
# "a teacher from Kettleby,", "lives with her son in Tulsa."; not "in" after a participle ("soaked in Betadine,")
CITY_LOOSE = re.compile(rf"\b(?:from|(?<!ed )in)[ \t]+({_W}(?:[ \t]+{_W})?)(?=[ \t]*(?:[,.;)]|$|[ \t]+(?:on|for|at|and|with|to|since|in|before|after|until|last|when|where|because)\b))",
                        re.M)
# a place the patient was moved to or came from, named by a single capitalised word or an acronym: "transferred to
# Brightwater", "came to QVMC for a second opinion" (units and services are not places: "taken to OR", "admitted to
# Medicine")
# (the verb may take an object or an adverb first: "transfer the patient to DEF", "flown directly to X", "will return to
# Bellhaven for a scan"; an acronym needs no clause end after it, as typing slips follow it)
MOVED_TO = re.compile(rf"\b(?i:transfer(?:red|ring|s)?|c[ao]mes?|coming|admit(?:ted)?|discharge[ds]?|sen[dt]|take[ns]?|brought|"
                      rf"bring|refer(?:red|s)?|went|go|return(?:ed|s|ing)?|transport(?:ed)?|drove|driven|flown|airlifted)"
                      rf"(?:[ \t]+(?i:the[ \t]+)?(?i:patient|child|baby|infant|him|her|them|back|here|over|directly|"
                      rf"immediately|urgently|emergently|subsequently|eventually|then)){{0,2}}"
                      rf"[ \t]+(?i:to|from)[ \t]+({_W}(?:[ \t]+{_W})?(?=[ \t]*(?:[,.;)]|$|[ \t]+(?:for|on|in|at|and|with|where|after|by|from|to)\b))|"
                      rf"[A-Z]{{3,6}}\b(?![ \t]+[A-Z]))", re.M)
UNITS = frozenset("""or er ed ent ems ct mri ir icu ccu micu sicu nicu picu pacu tcu cvicu snf ltac ltach cath ob pt ot us xr ekg ecg
eeg emg pet medicine hospitalist hospice home floor ward unit rehab surgery pathology histology cytology radiology
lab laboratory labs pharmacy anesthesia anaesthesia endoscopy recovery triage labor delivery nursery dialysis
microbiology gyn onc ortho neuro psych peds cards pulm renal tele telemetry step stepdown bed room clinic office
baseline normal
gi id ep heme cards pulm gyn obgyn uro nsgy nsg cts cvs ctvs pmr slp acs mfm crs hpb vir ccs ims sw cm rt
rrt icd ect dme cbt ivf aba pft
derm rheum neph endo wocn wcn aps ipm picc vat ivt bmt hct sot omfs oms vasc vsx pccm ccm tsx ctsx csx gsx egs pall
palli pcs radonc xrt oto orl ophth optho geri gim hosp imed tox nutr txp ltx ktx hepat ahf tavr chap lcsw pmnr
""".split())  # (s29: services and teams consulted; s29 review: the usual consult-service abbreviations, so "consult
# DERM for the rash" or "consult PICC to place a line" is no facility acronym)
AFTER_FACILITY = re.compile(rf"[ \t]++(?:in|at)[ \t]++({_W}(?:[ \t]+{_W})?)\b")
# (session 29) a hospital named with its campus, one name: "Doctors Hospital at Parkway", "Baylor Medical Center at
# Irving" (not a title or a time: "at Dr. Lee's request", "at Home", "at Christmas": `_is_place_name`)
CAMPUS = re.compile(rf"(?<![ \t])[ \t]++at[ \t]++((?!(?:Dr|Mr|Mrs|Ms|Miss|Prof)\b){_W}(?:[ \t]+{_W})?)\b")
AFTER_STREET = re.compile(rf"(?:[ \t]++(?:in|at)|,)[ \t]++({_W}(?:[ \t]+{_W})?)\b")
LOWER_INITIAL = re.compile(r"\b(?i:signed(?:[ \t]+by)?|name|patient|pt|nurse|by|dr)[ \t]*[:.]?[ \t]+([a-z]\.[ \t]?[a-z][a-z'’-]{2,24})\b")
# a lower-case name alone after a name label, ending its line or a header field: "Name: darnell whitaker    Acct"
LOWER_NAME_LINE = re.compile(r"(?im)\bname[ \t]*:[ \t]*([a-z][a-z'’-]{1,24}[ \t]+[a-z][a-z'’-]{2,24})(?=[ \t]*$|[ \t]{2})")
# a lower-case given name (a known one) after a relative, and the word after it when it closes the phrase:
# "her daughter, josefina ramírez, visits", "husband rahul"
LOWER_RELATIVE = re.compile(rf"(?<![\w-])(?i:{RELATIVE})[ \t]*[(,]?[ \t]*([a-z][{_LO}'’-]{{1,24}})"
                            rf"(?:[ \t]+([a-z][{_LO}'’-]{{2,24}})(?=[ \t]*(?:[,.;)]|$)))?(?![{_LO}'’-])", re.M)
# (the label in any case: "Patient: jose muller", "pt: jose muller")
LOWER_LABEL = re.compile(r"\b(?i:patient|pt|name)[ \t]*:?[ \t]+([a-z][a-z'’-]{1,24})[ \t]+([a-z][a-z'’-]{2,24})\b")

# Capitalised words that start or fill a facility or place phrase without naming one.
GENERIC = frozenset("""the a an our his her their this that general community regional county state university
medical health family children children's women's pediatric paediatric adult memorial emergency outpatient
inpatient day surgery surgical pain management spine sports primary care urgent walk-in rehabilitation
rheumatology cardiology neurology oncology orthopedic orthopaedic dermatology psychiatry psychiatric behavioral
mental wound sleep diabetes dialysis cancer eye ent women children veterans va city local school center centre
occupational wheelchair physical therapy speech vision hearing travel student employee infusion allergy asthma
lipid hypertension prenatal wellness weight nutrition endocrine urology podiatry vein laser skin foot hand
headache obesity bariatric transplant trauma burn neonatal pediatrics geriatric senior infectious diseases
internal medicine dental oral plastic fertility genetics suite room unit ward floor wing department division service
lower upper gi two week wait rapid access one stop fracture memory falls anticoagulation chest breast heart
stroke vascular renal liver lung respiratory gastroenterology pulmonology pulmonary pediatrics paediatrics
orthopedics orthopaedics dentistry optometry physiotherapy combined newborn nursery recovery well baby nicu
associates partners group practice office professional building pavilion main annex public global rehab healthcare cardiopulmonary vestibular subacute
hematology haematology nephrology endocrinology gynecology gynaecology obstetrics ophthalmology otolaryngology
immunology hepatology audiology anesthesiology anaesthesiology radiology pathology psychology neurosurgery
radiation interventional nuclear critical palliative thoracic cardiothoracic colorectal reproductive clinical
hospital hospitals clinic clinics he she it they we i in on at by for with from to of and or but if when
after before since during seen followed admitted transferred discharged presented referred saw visited today
yesterday last next then patient mother father husband wife son daughter
neuro cardio gastro pulmo psych onc hem""".split())  # a specialty's combining form: "Neuro-Oncology Clinic"
NOT_PLACES = frozenset("""home work school church hospital clinic here there town the a an his her their this
that june july may march april august january february september october november december monday tuesday
wednesday thursday friday saturday sunday emergency er icu floor rehab recovery theatre theater pacu triage nursery
english spanish french christmas easter thanksgiving halloween noon midnight night baseline rest birth discharge
admission presentation first last time times least most all which conference conferences rounds meeting board
committee anonymous operating trendelenburg fowler fowlers
europe asia africa america americas australia antarctica eastern western northern southern""".split())  # "go back to Narcotics Anonymous": a support group;
# (session 17) continents and compass regions ("back in Europe", "Eastern Germany") are larger than a state


def _words(span: str) -> list[str]:
    words = [w.strip(".,'’").lower() for w in re.split(r"[ \t-]+", span)]
    return [re.sub(r"['’]s$", "", w) for w in words if w]  # "Children's" is "children"


def _names_a_place(span: str, clinical: frozenset[str]) -> bool:
    """At least one word is neither generic nor clinical vocabulary ("Riverside", "Mayo", "ABCD")."""
    return any(w not in GENERIC and w not in clinical for w in _words(span))


# An institution named only by generic words is still a proper name when no determiner comes before it: "treated at
# Regional Hospital", "sent him to University Hospital" ("the general hospital", "a university hospital", "the Pain
# Clinic" and other clinics and departments are not).
_INSTITUTION_HEAD = re.compile(r"(?:Hospitals?|Medical Cent(?:er|re)|Infirmary|Institute|University|College|"
                               r"Health(?:care)? System)$")
_INSTITUTION_WORDS = frozenset("general regional memorial community county medical university children women veterans".split())
_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|our|his|her|their|its|this|that|same|outside|another|other|local|"
                                r"any|each|which|whose|nearest|nearby)[ \t]+$")


def _named_institution(text: str, start: int, span: str) -> bool:
    return (" " in span and bool(_INSTITUTION_HEAD.search(span))
            and not _DETERMINER_BEFORE.search(text, max(0, start - 12), start))


def _is_place_name(span: str, clinical: frozenset[str], not_names: set[str]) -> bool:
    words = _words(span)
    return bool(words) and not any(w in NOT_PLACES or w in clinical or w.capitalize() in not_names for w in words)


def _town_after(text: str, end: int, add: Callable[[int, int, str], None], clinical: frozenset[str],
                not_names: set[str], pattern: re.Pattern = AFTER_FACILITY) -> None:
    """'Mercy Hospital in Springfield', 'Brannigan Joinery in Ilkley', 'on Alder Way, Bellingham'."""
    after = pattern.match(text, end)
    if after and _is_place_name(after.group(1), clinical, not_names) and after.group(1).lower() not in STATES:
        add(after.start(1), after.end(1), "CITY")


def _gazetteer_kind(name: str) -> str | None:
    return gazetteer().get(name)


def find_places(text: str, add: Callable[[int, int, str], None], clinical: frozenset[str],
                not_names: set[str], given_names: frozenset[str]) -> list[str]:
    """Add facility, organisation, city and lower-case name spans; returns the lower-case names found, so
    the caller can replace their other mentions too."""
    for m in FACILITY.finditer(text):
        if _names_a_place(m.group(1), clinical) or _named_institution(text, m.start(1), m.group(1)):
            campus = CAMPUS.match(text, m.end(1))
            if campus and _is_place_name(campus.group(1), clinical, not_names) and campus.group(1).lower() not in STATES:
                add(m.start(1), campus.end(1), "HOSPITAL")  # "Doctors Hospital at Parkway": the campus is in its name
                continue
            add(m.start(1), m.end(1), "HOSPITAL")
            _town_after(text, m.end(1), add, clinical, not_names)
    for pattern in (ORG_SUFFIX, ORG_CUE):
        for m in pattern.finditer(text):
            # a company word is cue enough for clinical words inside ("Summit Pulmonary Associates")
            if _names_a_place(m.group(1), clinical) and (
                    pattern is ORG_SUFFIX or _is_place_name(m.group(1), clinical, not_names)):
                add(m.start(1), m.end(1), "ORGANIZATION")
                _town_after(text, m.end(1), add, clinical, not_names)
    for m in MILITARY.finditer(text):
        add(m.start(1), m.end(1), "ORGANIZATION")
    for m in MOVED_TO.finditer(text):
        if m.group(1).isupper() and m.group(0)[:5].lower() == "refer":  # "refer to CBT": a service, not a place
            continue
        words = _words(m.group(1))
        # an institution's word beside a name of its own is still a facility: "transferred to Mercy General"
        own = [w for w in words if w not in _INSTITUTION_WORDS]
        if own and not any(w in UNITS or w in GENERIC or w in NOT_PLACES or w in clinical or w.capitalize() in not_names
                           or w in STATES for w in own):
            add(m.start(1), m.end(1), "HOSPITAL")
    for m in STREET_CUE.finditer(text):
        name, head = m.group(1).rsplit(None, 1)
        # (session 17) a street word that names nothing else is cue enough for a clinical word: "on Canal Street"
        strong = head in _STREET_HEADS and not any(w in GENERIC or w.capitalize() in not_names for w in _words(name))
        if strong or _names_a_place(name, clinical) and _is_place_name(name, clinical, not_names):
            add(m.start(1), m.end(1), "ADDRESS")
            _town_after(text, m.end(1), add, clinical, not_names, AFTER_STREET)
    for pattern in (CITY_STATE, CITY_CUE, CITY_PAIR, CITY_LOOSE):
        for m in pattern.finditer(text):
            g = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
            start, span = m.start(g), m.group(g)
            first = span.split()[0]
            if first.lower() in GENERIC and " " in span:  # "From Amarillo, Texas": the town is the rest
                start, span = start + len(first) + 1, span[len(first) + 1:].lstrip()
            if pattern is CITY_LOOSE and _gazetteer_kind(span) in ("state", "country"):
                continue  # the gazetteer rule gives it its type: "a long stay in Burma in her twenties" (COUNTRY)
            if pattern is CITY_LOOSE and span.lower() in GENERIC:
                continue  # "follow-up in Urology in 2 weeks": a service named alone is no town
            if _is_place_name(span, clinical, not_names) and span.lower() not in STATES:
                add(start, start + len(span), "CITY")
    for m in PLACEHOLDER_FACILITY.finditer(text):
        add(m.start(1), m.end(1), "HOSPITAL")
    for m in PLACEHOLDER_TOWN.finditer(text):
        add(m.start(1), m.end(1), "CITY")
        add(m.start(2), m.end(2), "STATE")
    for m in CHURCH_HOSPITAL.finditer(text):
        add(m.start(1), m.end(1), "HOSPITAL")
    for m in ZIP_AFTER_STATE.finditer(text):
        if m.group(1):
            add(m.start(1), m.end(1), "STATE")
        add(m.start(2), m.end(2), "ZIP")
    lower: list[str] = []
    for pattern in (LOWER_INITIAL, LOWER_NAME_LINE):
        for m in pattern.finditer(text):
            words = re.split(r"[ \t.]+", m.group(1).lower())
            if not any(w in GENERIC or w in clinical for w in words):
                add(m.start(1), m.end(1), "NAME")
                lower.append(m.group(1).split()[-1])
    for m in LOWER_RELATIVE.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.capitalize() in given_names and first not in GENERIC and first not in clinical:
            end = m.end(2) if last and last not in GENERIC and last not in clinical else m.end(1)
            add(m.start(1), end, "NAME")
            lower.append(text[m.start(1):end])
    for m in LOWER_LABEL.finditer(text):
        first, last = m.group(1), m.group(2)
        if first.capitalize() in given_names and last not in GENERIC and last not in clinical:
            add(m.start(1), m.end(2), "NAME")
            lower.append(f"{first} {last}")
    return lower
