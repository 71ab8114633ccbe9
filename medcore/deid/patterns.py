"""The regular expressions of de-identification: dates, phones, addresses, identifiers and names.

Every quantifier over untrusted text is bounded, so a hostile note cannot make them backtrack without end
(tests/records/test_hostile_text.py)."""

from __future__ import annotations

import re

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
           "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC").split()
# A year of an event (1900-2039), the words that date one, seasons, and units that make a number an amount.
_YEAR = r"(?:19\d{2}|20[0-3]\d)"
_YEAR_CUE = (r"in|on|dated|since|until|till|from|during|circa|before|after|quit|stopped|early|late|mid|year[ \t]+of|about|around|"
             r"approximately|back[ \t]+to|as[ \t]+of|between|beginning|starting|(?:calendar[ \t]+)?year|"
             r"as[ \t]+(?:recently|late|early|long[ \t]+ago)[ \t]+as|(?:end|start|middle)[ \t]+of")
_SEASON = r"spring|summer|fall|autumn|winter"
_AMOUNT_UNIT = r"hours|hrs|h\b|mg|mcg|g\b|grams?|kg|ml|mL|cc|l\b|units?|iu|patients|people|cases|births|calories?|kcal|feet|ft|meters|miles|steps"
# Full month names, capitalised (a bare "May" or "March" after "in" still dates something: "in May")
_MONTH_NAME = r"January|February|March|April|May|June|July|August|September|October|November|December"
# US (NANP), international with a country code, and UK national numbers: 10 or 11 digits opening with a
# trunk 0 ("01423 555 781", "07700 900461", "(0113) 243 3144", "020 7946 0958"), or +44 without the 0.
_UK_PHONE = r"(?:\+44\s?(?:\(0\)\s?)?|\(0|\b0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}\b"
_PHONE = (r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b(?:\s*(?:x|ext\.?)\s*\d{1,5}\b)?|"
          r"\+(?:[2-9]\d{0,2})[\s-]\d{1,4}(?:[\s-]\d{2,4}){2,3}\b|" + _UK_PHONE)
# A UK postcode: outward code (area letters, district digit, optional letter or digit), inward code
# (digit + two letters): "HG1 2QT", "SW1A 1AA", "M1 1AE".
_UK_POSTCODE = r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b"
# Street types, US and UK, for a numbered street address.
_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way|Place|Pl|Terrace|Circle|"
           r"Square|Highway|Hwy|Parkway|Pkwy|Close|Crescent|Gardens|Grove|Mews|Row|Walk|Rise|Hill|Green|View|Park)")
# Letters of names: Latin-1 (Zoë, Müller, Ní), Latin Extended-A and Additional (Łukasz, Wiśniewski, Nguyễn
# Văn), Greek and Cyrillic. Extended-A and Additional alternate upper and lower case letter by letter, so
# they stand in both classes: a name word still has to start with a capital from the ranges before them.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u1e00-\u1eff\u0386-\u038f\u0391-\u03a9\u0400-\u042f"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u1e00-\u1eff\u03ac-\u03ce\u0430-\u045f"
# One capitalised name word. Beyond "Doyle" and "Smith-Jones" it takes an elided or camel-case prefix
# ("O'Neill", "D'Souza", "McAllister", "MacLeod", "DiMarco", "LaToya"), a lower-case Arabic article
# ("al-Rashid") and more than one hyphenated part ("Adebayo-Lindt-Okoro").
# At most five joined parts: with an unbounded repeat, each word boundary inside a long run such as
# "Ab-Ab-Ab-..." rescanned the rest of the run (quadratic); no real name has more parts than that.
_NAME_WORD = (rf"(?:(?:al|el)-)?(?:[{_UP}]'|[{_UP}][{_LO}]{{1,2}}(?=[{_UP}][{_LO}]))?[{_UP}][{_LO}]+"
              rf"(?:[-'](?:[{_UP}]'|[{_UP}][{_LO}]{{1,2}}(?=[{_UP}][{_LO}]))?[{_UP}]?[{_LO}]+){{0,4}}")
# Initials before a surname: "K. ", "K ", "J.R. ", "J. R. " (after a title or label, or before a surname).
_INITIALS = rf"(?:[{_UP}](?:\.[ \t]*|[ \t]+)){{1,3}}"
# Lower-case surname particles: "van der Berg", "de la Cruz", "da Silva", "ter Haar".
# Capitalised forms open a surname too ("Van der Berg", "De la Cruz"), and the Irish and Scottish "Ó", "Ní", "Mac"
# written apart ("Siobhan Ní Bhriain").
_PARTICLES = (r"(?:(?:van|von|der|den|de|del|della|di|da|dos|das|du|la|le|ter|ten|bin|ibn|ben|af|zu|"
              r"Van|Von|De|Del|Della|Di|Da|Dos|Du|La|Le|Ter|Ten|\u00d3|O|N\u00ed|Nic|Mac|Ua|U\u00ed)[ \t]+){0,2}")
# A person's name in context: [given name] [initials] [particles] surname, or initials + surname.
# (the words of a name stay on one line: "Dr Rupert Ashdown\nKirkgate Medical Practice" is a name, then a practice)
# (a title is never the surname: "by Dr. Y.  Dr. X does" holds two names, not "Y.  Dr")
_PERSON = rf"(?:{_NAME_WORD}[ \t]+(?:{_INITIALS})?|{_INITIALS})?{_PARTICLES}(?!(?:Dr|Mr|Mrs|Ms|Prof)\b){_NAME_WORD}"
_NOT_NAMES = {"The", "This", "That", "He", "She", "His", "Her", "Patient", "Please", "Date", "Clinic", "Hospital",
              "Department", "Emergency", "Cardiology", "Nephrology", "Neurology", "Oncology", "Surgery", "Medicine",
              "Primary", "Care", "Consultant", "Outpatient", "Inpatient", "Yours", "Dear", "Kind", "Regards", "Thank",
              "Internal", "Family", "Health", "Center", "Centre", "Associates", "Discharge", "Admission", "Pager",
              "Phone", "Tel", "Fax", "Email", "Street", "Avenue", "Road", "Drive", "Lane", "Court", "Room", "Unit",
              "History", "Exam", "Labs", "Plan", "Assessment", "Impression", "Findings", "Medications", "Allergies",
              "Hospitalist", "Orthopedics", "Psychiatry", "Radiology", "Endocrinology", "Gastroenterology", "Infectious",
              "Disease", "Service", "Team", "Nurse", "Attending", "Resident", "Fellow", "Intern", "Sincerely", "Re",
              "No", "Not", "And", "Or", "With", "For", "Age", "Sex", "Male", "Female", "Mr", "Mrs", "Ms", "Dr", "MD",
              "Partner", "Registrar", "Locum", "Practice", "Principal", "Trainee",  # UK GP roles: "GP Partner"
              "Pt", "Name", "Bed", "Today", "Tomorrow", "Monday", "Tuesday", "Wednesday", "Thursday",
              "Friday", "Saturday", "Sunday", "Seen", "Reported", "Signed", "Dictated", "Results", "Called",
              # instructions before a role: "Notify MD if ...", "Page RN", "Inform NP"
              "Fr", "Father", "Rev", "Reverend", "Pastor", "Rabbi", "Imam", "Chaplain", "Midwife", "Employee", "Assistant",
              "Drs", "Doctors", "Staff",
              # words that open the next sentence after an initial ("Dr. D. Both agreed"), never a surname here
              "Both", "They", "We", "It", "There", "Then", "If", "When", "After", "Before", "Also", "However", "All", "Interpreter", "Anesthesia", "Anesthesiology", "Anaesthesia", "Anaesthetics", "Notify", "Notified", "Call", "Page", "Paged", "Inform", "Informed", "Ask", "Tell", "Update", "Per", "Via"}


def not_name(word: str) -> bool:
    """A word kept out of names, or its plural ("seen by Hospitalists Service": a service, not a person)."""
    return word in _NOT_NAMES or (len(word) > 4 and word.endswith("s") and word[:-1] in _NOT_NAMES)


# A relative or someone close to the patient, who may be named next ("wife Grace", "her daughter, josefina")
RELATIVE = (r"(?:great-)?(?:grand|step)?(?:wife|husband|partner|spouse|daughter|son|mother|father|"
            r"sister|brother|niece|nephew|cousin|aunt|uncle|friend|roommate|flatmate|fianc[eé]e?|girlfriend|"
            r"boyfriend|neighbou?r|proxy|guardian|carer|caregiver)(?:-in-law)?s?")  # "her sons, Tomas and ..."
_CREDENTIALS = r"(?:MD|M\.D\.|DO|RN|NP|PA|PA-C|APRN|PharmD|PhD|MBBS|FRCP|DNP|CNM|LPN|MSW|LCSW|RNFA|CRNA|RRT|CNA|RM|RGN|FNP|ANP|ACNP|CNP|PNP|DPM|DDS|DMD|PsyD|MBChB|LMFT)"  # (session 16: nurse practitioners, podiatrists, dentists)

# holidays, as the i2b2 annotations date events by them ("Fourth of July", "New Year's Eve")
_HOLIDAY = (r"(?:(?:Thanksgiving|Christmas|Easter)(?:[ \t]+(?:Day|Eve))?|Xmas|Halloween|Hanukkah|Chanukah|Ramadan|Eid|"
            r"Passover|Diwali|Kwanzaa|New[ \t]+Year['’]?s(?:[ \t]+(?:Day|Eve))?|St\.?[ \t]+Patrick['’]?s[ \t]+Day|"
            r"(?:Fourth|4th)[ \t]+of[ \t]+July|"
            # these name a day only with "Day" after them ("Memorial Medical Center", "Labor and Delivery")
            r"(?:Memorial|Labou?r|Independence|Veterans['’]?|Presidents['’]?|Valentine['’]?s|Mother['’]?s|Father['’]?s|"
            r"Boxing|Martin[ \t]+Luther[ \t]+King(?:[ \t]+Jr\.?)?|Columbus)[ \t]+Day)(?:[ \t]+(?:Weekend|weekend))?")

# the next year of a list of years: "in 1991 and 1998", "in 2005/2006", "in 1981, 1982, and 1984"
YEAR_LIST = re.compile(rf"(?:(?<=(?:19|20)\d\d and )|(?<=(?:19|20)\d\d, )|(?<=(?:19|20)\d\d; )|(?<=(?:19|20)\d\d & )|(?<=(?:19|20)\d\d/)|"
                       rf"(?<=(?:19|20)\d\d or )|(?<=(?:19|20)\d\d, and )|(?<=(?:19|20)\d\d to )|(?<=(?:19|20)\d\d through )|"
                       rf"(?<=(?:19|20)\d\d until ))({_YEAR})\b(?![ \t]*(?:{_AMOUNT_UNIT}))", re.I)

# the next month of a list ("November and December", "March, April"): find_phi keeps it when the first is a date
MONTH_LIST = re.compile(rf"\b(?:{_MONTH_NAME})[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|or|to|through)[ \t]+|-|/)[ \t]*({_MONTH_NAME})\b")

# (type, pattern, group holding the PHI or 0)
_RULES: list[tuple[str, re.Pattern, int]] = [
    # The local part starts at the first word character of its run of [\w.+-]: the same leftmost match as
    # "\b[\w.+-]+@...", but tried once per run rather than at every word boundary inside it, which was
    # quadratic on a long run such as "1-1-1-..." with no "@" after it.
    ("EMAIL", re.compile(r"(?<![\w.+'-])[.+'-]*+(\w[\w.+'-]*+@[\w-]+(?:\.[\w-]+)+\b)"), 1),
    ("URL", re.compile(r"\bhttps?://[^\s<>\"')]+|\bwww\.[\w-]+(?:\.[\w-]+)+(?:/[^\s<>\"')]*)?", re.I), 0),
    ("SSN", re.compile(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b"), 0),
    ("MRN", re.compile(r"\b(?:MRN|MR\s?#|medical\s+record(?:\s+(?:number|no\.?|#))?|hosp(?:ital)?\.?\s+(?:number|no\.?)|record\s+(?:no\.?|number|#)|"
                       r"unit\s+number|chart\s+(?:number|no\.?|#)|med\.?\s+rec\.?(?:\s+(?:number|no\.?|#))?|pt\.?\s+id|patient\s+id|practice\s+id|nhs\s+(?:number|no\.?)|chi\s+(?:number|no\.?)|hospital\s+id)\s*(?:#|no\.?|number)?\s*[:#]?\s*([A-Z]{0,4}-?\d[\d-]{3,}\d)\b", re.I), 1),
    # a short record number after an explicit record label with its mark: "MRN: 123", "Medical Record #: 42" (the
    # rule above wants five or more characters; a label with "#", "no." or "number" and a colon names the record
    # whatever its length; a bare "medical record 2" is left alone)
    ("MRN", re.compile(r"\b(?:(?:MRN|medical\s+record|chart|record)\s*(?:#|no\.?|number)|MR\s*#)\s*[:#]?\s*(\d{1,4})\b(?![.,]\d)"
                       r"|\bMRN\s*[:#]\s*(\d{1,4})\b(?![.,]\d)", re.I), -1),
    ("ID", re.compile(r"\b(?:accession|acc\.?|account|acct\.?|insurance(?:\s+id)?|member\s+id|policy(?:\s+(?:no\.?|number))?|"
                      r"subscriber\s+id|encounter|csn|fin|hicn|mbi|invoice|claim|billing(?:\s+(?:id|no\.?|number))?|requisition|order\s+(?:id|no\.?|number)|visit\s+(?:id|number)|license|licence|npi|dea|license\s+plate|plate|vin|"
                      r"serial(?:\s+(?:no\.?|number))?|case|specimen|path(?:ology)?(?:\s+(?:case|specimen))?|staff(?:\s+id)?|employee(?:\s+id)?|medicare(?:\s+(?:id|number|no\.?))?|medicaid(?:\s+(?:id|number|no\.?))?|device\s+id|health\s+plan(?:\s+(?:id|number))?|certificate(?:\s+no\.?)?)\s*(?:#|no\.?|number|id)?\s*[:#]?\s*"
                      r"([A-Z0-9][A-Z0-9-]{4,}\d)\b", re.I), 1),
    ("FAX", re.compile(rf"\bfax(?:\s*(?:no\.?|number|#))?\s*[:#]?\s*({_PHONE})", re.I), 1),
    ("PHONE", re.compile(_PHONE), 0),
    ("IP", re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"), 0),
    # (year first with any separator, "2008/03/05"; a day-month-year with the month's short name, "05-Mar-2009";
    # an ISO year-month, "2009-03"; a day with its ordinal before the month, "5th March 2009")
    ("DATE", re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b\d{4}([-/.])\d{1,2}\1\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b|"
                        r"\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])\b(?![-/.]?\d)|"
                        rf"\b\d{{1,2}}-{_MON}-(?:\d{{4}}|\d{{2}})\b|\b\d{{1,2}}(?:st|nd|rd|th)\s+{_MON}\.?,?\s+\d{{4}}\b|"
                        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+of\s+{_MON}\.?,?\s+\d{{4}}\b|\b{_MON}\.?,?\s+(?:of\s+)?(?:19|20)\d{{2}}\b|"
                        rf"\b{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MON}\.?,?\s+\d{{4}}\b|"
                        rf"\b{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*(?:mg|mcg|units|%|mm))|\b\d{{1,2}}/\d{{1,2}}\b(?=\s+(?:at|@)\b)"), 0),
    ("AGE", re.compile(r"\b(9\d|1[0-2]\d)(?=\s*(?:-|\s)?\s*(?:years?|yrs?|y\.?o\.?|y/o|yo)\b)|"
                       r"\b(?:age|aged)\s*[:]?\s*(9\d|1[0-2]\d)\b|"
                       # session 27b: "her age is 93", "at the age of 96", "age was 91"
                       r"\b(?i:age)[ \t]+(?:is|was|of|now)[ \t]+(9\d|1[0-2]\d)\b(?![ \t]*(?:%|percent|mg|kg|lb|pounds|cm|mm|minutes|min|days|weeks|months)\b)|"
                       # (session 29) a birthday to come or just passed: "she turns 90 later this month", "turning 92" (not
                       # a turn by degrees or a count: "turned 90 degrees", "turns 95% of the time"; s29 review: a person
                       # turns, not a value: "saturation turned 92 on room air", "heart rate turning 96")
                       r"\b(?i:she|he|who|patient|pt|and|mother|father|husband|wife|grandmother|grandfather|aunt|uncle|sister|brother)"
                       r"[ \t]+(?i:(?:is|was|will|has|had)[ \t]+)?(?i:(?:just|soon|[a-z]{2,12}ly)[ \t]+)?"
                       r"(?i:turns|turned|turning|turn)[ \t]+(9\d|1[0-2]\d)\b(?![ \t]*(?:%|percent|degrees?|°|mg|kg|lb|pounds|cm|mm|times|minutes|min|days|weeks|months)\b)|"
                       r"\b(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one hundred(?:[- ]and[- ]\w+)?)"
                       r"(?=[- ]years?[- ]old)|"
                       # (session 16) a decade of life over 89, or an age in words after "aged": "in her late 90s",
                       # "aged ninety-four"
                       r"\bin[ \t]+(?:his|her|their)[ \t]+(?:(?:early|mid|late)[- ]?)?(90s|nineties)\b|"
                       r"\b(?:age|aged)[ \t]+(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b|"
                       # (session 28) an age in words told of the person, or opening a sentence: "she is ninety-four and",
                       # "who turned ninety-one", "At ninety-six he drives" (not a reading: "is ninety percent", "at
                       # ninety over sixty", "pulse was ninety")
                       r"(?:\b(?:she|he|who|patient)[ \t]+(?:is|was|turned|turns|is[ \t]+now)|(?:^|(?<=[.;:][ \t])|(?<=[.;:][ \t]{2}))At)[ \t]+"
                       r"(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b"
                       r"(?![- \t]*(?:(?:one|two|three|four|five|six|seven|eight|nine)\b|percent|%|pounds|lbs?|kg|kilos|mg|mmhg|degrees|minutes|seconds|beats|breaths|over|/|on[ \t]+(?:room|ra\b|oxygen|\d)|and[ \t]+\w+[ \t]+percent))", re.I | re.M), -1),
    # a numbered street, then the town when a US state or a UK postcode follows it
    # (not an ultrasound view or a heading: "Fetal Heart (4 Chamber View): normal", "3 Vessel View:")
    ("ADDRESS", re.compile(rf"\b\d{{1,5}}\s+(?!(?:Chamber|Vessel|Axis|Outflow)\b)(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}\b\.?"
                           r"(?![ \t]*\)?[ \t]*:)"
                           r"(?:,?\s+(?:Apt|Suite|Unit|Flat)\.?\s*\w+)?"
                           rf"(?:,\s*[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?(?=,\s*[A-Z]{{2}}\b|,?\s+{_UK_POSTCODE}|[ \t]*(?:\n|$)))?"), 0),
    # a suite number of an address, with the street after it (a letter template's too): "Suite 210, Alder Avenue",
    # "Suite 410, LMN Boulevard"
    # (a suite ends an address line with a comma; "Operating Suite 1." is a room)
    ("ADDRESS", re.compile(rf"\bSuite[ \t]+\d{{1,5}}[A-Z]?\b(?=[ \t]*,)(?:[ \t]*,[ \t]*(?:[A-Z]{{2,6}}|[A-Z][a-z]+)"
                           rf"(?:[ \t]+[A-Z][a-z]+)?[ \t]+{_STREET}\b)?"), 0),
    # a street without a number, when the town and a UK postcode or US state + ZIP follow: "Moor Lane, Halifax HX3 0PW"
    ("ADDRESS", re.compile(rf"\b(?:[A-Z][a-z]+\s+){{1,3}}{_STREET}\b,\s*[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?"
                           rf"(?=,?\s+{_UK_POSTCODE}|,\s*[A-Z]{{2}}\s+\d{{5}}\b)"), 0),
    # a local seven-digit number after a word for a phone: "call the office at 555-0142", "his fax number is 555-0178"
    ("PHONE", re.compile(r"\b(?i:call|calls|called|phone|telephone|tel|fax|pager|cell|mobile|number|reached|contact)\b"
                         r"[^.\n\d]{0,25}?\b(\d{3}[-.]\d{4})\b(?![-.]?\d)"), 1),
    # a month and a two-digit year after a word of time: "cataract surgery in 09/06", "done in late 12/09" (not the UK
    # counts of months and weeks: "review in 6/12", "in 3/52")
    ("DATE", re.compile(r"\b(?i:in|since|late|early|mid|until|by|(?:beginning|end|middle)[ \t]+of)[ \t]+((?:0?[1-9]|1[0-2])/(?!12\b|52\b)\d{2})\b(?![/\d]|\.\d)"
                        r"(?![ \t]*(?:nodes?|lymph|cores?|positive|negative|of|strength|specimens?|patients|cases|mm|cm|ml|mg|"
                        r"units?|vessels?|biops))"), 1),
    # a month/day without a year after a preposition of time: "resume on 11/18", "held until 3/4"
    ("DATE", re.compile(r"\b(?:on|from|until|till|since|starting|dated|due|before|after)\s+((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))"
                        r"\b(?![/\d])(?!\s*(?:to|->|-)\s*\d)"), 1),
    # transcription templates' own date placeholders: "MM/DD/YYYY", "Month DD, YYYY"
    ("DATE", re.compile(r"\b(?i:(?:MM|DD)/(?:DD|MM)/(?:YYYY|YY)|MM/(?:YYYY|YY))\b|\bMonth\s+DD,?\s+YYYY\b"), 0),
    # the samples' own placeholders for a person, an address or a facility: "Mrs. Sample Patient", "Sample
    # Address", "Doctor's Address" (a letter's heading), "Sample Hospital"
    ("NAME", re.compile(r"\bSample[ \t]+(?:Patient|Doctor|Physician|Surgeon|Name)\b"), 0),
    ("ADDRESS", re.compile(r"\b(?:Sample|Patient's|Doctor's|Physician's)[ \t]+Address\b"), 0),
    # a numbered road: "on Highway 12", "off Route 9", "the I-80" (capitalised: "route" alone is a way of giving)
    ("ADDRESS", re.compile(r"\b(?:Highway|Hwy\.?|Route|Interstate|State[ \t]+Road|County[ \t]+Road|Freeway)[ \t]+\d{1,4}\b|"
                           r"\bI-\d{1,3}\b"), 0),
    ("HOSPITAL", re.compile(r"\bSample[ \t]+(?:Hospital|Clinic|Facility|Medical[ \t]+Cent(?:er|re))\b"), 0),
    # a year alone, or a range of years, after a word that dates an event: "in 1987", "stopped in 2011", "since 2015",
    # "winter of 2019", "2009-2012"; not a count ("1 in 2000 births") nor a quantity ("in 2000 mL")
    ("DATE", re.compile(rf"(?<!\b\d[ \t])(?<!\b\d\d[ \t])(?<!\b\d\d\d[ \t])\b(?:{_YEAR_CUE})[ \t]+((?:{_SEASON})[ \t]+(?:of[ \t]+)?)?({_YEAR}(?:[ \t]*-[ \t]*{_YEAR})?)"
                        rf"\b(?![ \t]*(?:(?:and|to|or|-)[ \t]*\d{{1,5}}[ \t]*)?(?:{_AMOUNT_UNIT}))", re.I), 2),
    ("DATE", re.compile(rf"\b(?:{_SEASON})[ \t]+(?:of[ \t]+)?{_YEAR}\b|\b{_YEAR}[ \t]*-[ \t]*{_YEAR}\b(?![ \t]*(?:{_AMOUNT_UNIT}))", re.I), 0),
    # (session 17) a holiday and its year: "Christmas 2019", "Easter of 2021" (the year dates the event as a month would)
    ("DATE", re.compile(rf"\b{_HOLIDAY}[ \t]+(?:of[ \t]+)?,?[ \t]*{_YEAR}\b(?![ \t]*(?:{_AMOUNT_UNIT}))"), 0),
    # a month and a four-digit year: "in 06/2006", "(3/1991)"
    ("DATE", re.compile(r"(?<![\d/.])\b(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}\b(?![/\d])"), 0),
    # a year opening brackets, alone or in a list: "MI x 2 (1978 and 1979)", "hypothyroidism (2012)"
    ("DATE", re.compile(rf"(?<=\()({_YEAR})\b(?![ \t]*(?:(?:and|&|to|-|/)[ \t]*\d{{1,5}}[ \t]*)?(?:{_AMOUNT_UNIT}))(?=[ \t]*(?:\)|[,;][ \t]*{_YEAR}|(?:and|&|to|-|/)[ \t]*{_YEAR}))"), 1),
    # the next year of a list of years whose first is a date (find_phi checks the year before it was found)
    ("DATE", YEAR_LIST, 1),
    # a year closing an item of a history list: "tonsillectomy,1972." "knee arthroscopy, 1990."
    ("DATE", re.compile(rf"(?<=[A-Za-z)],)[ \t]?({_YEAR})(?=[ \t]*(?:[.;]|,(?![ \t]*\d)|$))", re.M), 1),
    # a year standing alone as the last item of a history line, after the event's full stop: "Tonsillectomy.  1988"
    # at the line's end, or before a comma that ends it (session 23); not one of a run of numbers ("2000, 2100")
    ("DATE", re.compile(rf"(?<=[A-Za-z)]\.)[ \t]{{1,3}}({_YEAR})(?=[ \t]*(?:;|,(?![ \t]*\d)|$))", re.M), 1),
    # a year closing a list item after a dash: "hepatitis C - 2001." (a year straight after its event, "mastectomy
    # 2008,", is found by deid/numbers.py, which needs the clinical vocabulary)
    ("DATE", re.compile(rf"(?<=[A-Za-z)][ \t]-[ \t])({_YEAR})(?=[ \t]*(?:[.;]|,(?![ \t]*\d)|$))", re.M), 1),
    # a year before the event it dates: "since her 2011 surgery", "the 2004 MRI"
    ("DATE", re.compile(rf"\b(?i:his|her|their|the|a|an|your|my|our)[ \t]+({_YEAR})(?=[ \t]+(?i:surgery|operation|admission|"
                        rf"hospitali[sz]ation|MRI|CT|scan|study|exam|examination|evaluation|visit|accident|MVA|MVC|fall|"
                        rf"note|letter|report|consultation|consult|EEG|EKG|ECG|"
                        rf"fracture|diagnosis|injury|stroke|biopsy|colonoscopy|echocardiogram|x-ray|films?|mammogram)\b)"), 1),
    # a holiday dates an event ("an episode around Thanksgiving", "since New Year's Day"), after a word of time;
    # not Christmas disease (haemophilia B) nor a Christmas factor
    ("DATE", re.compile(rf"\b(?i:around|at|over|on|since|until|till|before|after|during|for|by|last|this|next|past|"
                        rf"through|from|near|about)[ \t]+(?:(?i:the)[ \t]+)?({_HOLIDAY})(?![ \t]+(?i:disease|factor)\b)"), 1),
    # a decade: "in the 1980s", "the mid-1990s", "since the late '70s" (not "in her 60s", an age)
    ("DATE", re.compile(r"\b(?:19|20)\d0['’]?s\b|(?:(?<=\bthe )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-))['’]\d0s\b", re.I), 0),
    # a two-digit year after an apostrophe: "(stopped '98)"
    ("DATE", re.compile(r"(?<=[\s(])'\d{2}\b(?!')"), 0),
    # month/year with a two-digit year, as history lists date operations: "tonsils out 4/86", "arthroscopy 11/93"
    # (the caller drops scores and ratios: "7/10 pain", "4/5 strength")
    # (not "/52", the UK count of weeks: "seen 3/52 ago")
    ("DATE", re.compile(r"(?<![\d/.])\b((?:0?[1-9]|1[0-2])/(?!52\b)(?:[3-9]\d|[12][3-9]|[2][0-9]))\b(?![/\d]|\.\d)"
                        r"(?![ \t]*(?:nodes?|lymph|cores?|positive|negative|of|strength|specimens?|biops|vessels?|ago|mg|mcg|ml|units?|tabs?))"
                        # session 27b: a combination drug's strength before its schedule ("Lotrel 10/20 daily", "Norco
                        # 10/325 q6h") and the EEG's "10/20 international system" are no month/year
                        r"(?![ \t]*(?i:daily|once|twice|bid|b\.i\.d|tid|t\.i\.d|qid|qd|qhs|q\d|qam|qpm|prn|po|every|at[ \t]+bedtime|tablets?|"
                        r"caps(?:ules?)?|puffs?|international|system|electrode)\b)"), 1),
    # a month named alone after a word that dates it: "in April", "last September", "at the end of November"
    # (an article may come between: "late in the March before last")
    ("DATE", re.compile(rf"\b(?i:in|since|until|till|during|last|next|this|early|late|mid|of|by|through|from|before|after)"
                        rf"[ \t]+(?:(?i:the)[ \t]+)?({_MONTH_NAME})\b(?![ \t]*\d)"), 1),
    # a part of a month, whole: "early December", "mid-March" (the real-note gold marks the modifier with the month)
    ("DATE", re.compile(rf"\b(?i:early|late|mid)[ \t-]+(?:{_MONTH_NAME})\b(?![ \t]*\d)"), 0),
    # a holiday that can only be a day, without a word of time before it ("admission, Thanksgiving and then")
    ("DATE", re.compile(r"\b(?:Thanksgiving|Halloween|New[ \t]+Year['’]s[ \t]+(?:Day|Eve))\b"), 0),
    ("ZIP", re.compile(rf"(?<=\b(?:{'|'.join(_STATES)})\s)\d{{5}}(?:-\d{{4}})?\b|\bzip(?:\s*code)?\s*[:#]?\s*(\d{{5}}(?:-\d{{4}})?)\b", re.I), -1),
    # case-sensitive on purpose: lower-case "m1 1ae" is not how postcodes are written in letters
    ("ZIP", re.compile(_UK_POSTCODE), 0),
]

# An upper-case surname, as in "Mr HALLORAN" or "HALLORAN, Rupert" (UK-style headers).
# (an elided prefix too: "O'NEILL", "D'SOUZA")
_CAPS_SURNAME = rf"(?:[{_UP}]')?[{_UP}]{{2,}}(?:[-'][{_UP}]{{2,}})*(?![{_LO}])"

# The titles before a person's name: the one list (the title rule below, places.LOWER_TITLE, lower_names,
# facilities' letterhead line). The short forms are also taken before a lower-case name ("dr smith", "mrs o'brien");
# the others are ordinary words in lower case ("sister", "father", "nurse called"). By kind, because some rules take
# only some: civil titles and doctors' titles head a letter's signature block (facilities).
CIVIL_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx")
DOCTOR_TITLES = ("Dr", "Doctor", "Prof", "Professor")
CARE_TITLES = ("Sister", "Nurse", "Fr", "Father", "Rev", "Reverend", "Pastor", "Rabbi", "Imam", "Chaplain")
TITLE_WORDS = CIVIL_TITLES + DOCTOR_TITLES + CARE_TITLES
SHORT_TITLES = ("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof")
_TITLES = "|".join(TITLE_WORDS)

_NAME_RULES: list[re.Pattern] = [
    # after a title: "Dr. Priya Raman", "Mrs Doyle", "Dr K. Oyelaran", "Prof J.R. Pemberton", "Dr van der Berg",
    # "Mr O'Neill", and an upper-case surname after a title ("Mr HALLORAN")
    # (a three-part name after a title too: "Dr. Nguyen Van An", "Dr. Maria Lopez Garcia")
    # (session 15: a placeholder first name before a surname, "Dr. XYZ Hollis")
    re.compile(rf"\b(?:{_TITLES})\.?\s+((?:(?:{_NAME_WORD}|ABC(?:DE?)?|XYZ)[ \t]+)?{_PERSON}|{_CAPS_SURNAME}|[{_UP}](?![\w-]))"),
    # after a label: "Patient: Harold Jenkins", "Re: Margaret Doyle", "Referred by Dr ..."
    re.compile(rf"\b(?i:Patient|Patient name|Name|Pt|Re|Attending|PCP|GP|Referred by|Requesting physician|Ordering provider|"
               rf"Referring physician|Reported by|Signed by|Dictated by|Seen by|Reviewed by|Examined by|Discussed with|"
               rf"Contact|Next of kin|NOK|Proxy|health care proxy|"
               rf"Electronically signed by|Signed|Resident|Nurse|Surgeon|Physician|Assistant|Midwife|Chaplain|Employee|Staff member|Social worker|Interpreter)\s*[:,]?\s+"
               # (session 17) not a firm or a facility named after the label: "Employer contact: Hartley Logistics Group"
               rf"(?!(?:{_NAME_WORD}[ \t]+){{1,4}}(?:Group|Inc|LLC|Ltd|Corporation|Company|Associates|Partners|Logistics|"
               rf"Industries|Hospital|Clinic|Practice|Surgery|Cent(?:er|re)|Pharmacy)\b)({_PERSON})(?=[\s,.;)]|$)"),
    # the patient under another label, with a colon: "Child: Oliver Reid", "Client: ..."
    re.compile(rf"\b(?i:Child|Infant|Baby|Client|Service user|Resident name)\s*:\s*({_PERSON})(?=[\s,.;)]|$)"),
    # before credentials: "Marcus Webb, MD", "T. Osei, RN"
    # (not an initial after a slash: "Strict I/O. Notify MD" is intake/output)
    re.compile(rf"\b(?<!/)({_PERSON}),?\s+{_CREDENTIALS}(?![\w-])"),  # (s17: "M.D." ends in a stop, so no \b)
    # an upper-case name or placeholder before a comma and a doctor's credential: "LMN, MD" (not "CXR, PA")
    # (placeholders of initials too: "AB CD, M.D.", "X Y, M.D.", "a referral from ABC, D.O.")
    re.compile(rf"(?m)(?:^|(?<=[\n,:])|(?<=\bfrom )|(?<=\bby )|(?<=\bto ))[ \t]*"
               rf"((?:{_CAPS_SURNAME}|[{_UP}])(?:[ \t]+(?:{_CAPS_SURNAME}|[{_UP}])){{0,2}}),[ \t]*(?:MD|M\.D\.|D\.O\.|RN|PhD|"
               # an optometrist's, a chiropractor's or a podiatrist's degree, with its stops ("OD" alone is the right eye)
               r"O\.D\.|D\.C\.|D\.P\.M\.|D\.D\.S\.)(?![\w])"),
    # transcription placeholders for a redacted name: "patient xxx xxxx", "RE: XXXX, XXXX", "Dear XXXX"
    # (after a patient cue only: "the XXX eye" holds a side, not a name; "at XXX" a time)
    # (the samples' alphabet placeholders too, in capitals only: "RE:  ABC", "Dear XYZ:")
    re.compile(r"\b(?i:patient|pt|name|re|dear)[ \t]*:?[ \t]+((?:[xX]{3,8}|ABC(?:DE?)?|XYZ)(?:,?[ \t]+[xX]{3,8})?)(?![\w/])"),
    # a two-letter placeholder after a title: "a discussion with Dr. xx." (session 16)
    re.compile(r"\b(?:Dr|DR|dr)\.?[ \t]+([xX]{2})(?![\w/])"),
    # a title-case placeholder for a name, never an English word: "Xxxxx's condition", "Mr. Xxxx"
    re.compile(r"\b(X(?:xxx|xxxx|xxxxx|xxxxxx|xxxxxxx))\b"),
    # an upper-case placeholder as the subject of a sentence, or the patient a doctor follows or sees: "XXXX was seen
    # in clinic", "thank you for following XXXX"
    re.compile(r"(?m)(?:^|(?<=[.,;:]))[ \t]*(X{3,8})[ \t]+(?=(?:is|was|has|had|returns|returned|presents|presented|"
               r"comes|came|states|stated|reports|reported|denies|denied)\b)"),
    re.compile(r"\b(?i:following|follow|see|seeing|seen|saw|refer|referring|referred|evaluate|evaluating|examined|"
               r"examine)[ \t]+(X{3,8})(?![\w/])"),
    # relatives and others close to the patient, named in passing: "wife Grace Tran", "Wife Dorota",
    # "her grandson Luca", "brother-in-law Radovan", "Son (Tomás Ibáñez, ...)", "partner, Jamal,"; a given name
    # alone is enough here, so the caller drops a first word that is clinical vocabulary ("mother Diabetes")
    re.compile(rf"(?<![\w-])(?i:{RELATIVE})[ \t]*[(,]?[ \t]*"
               rf"((?:{_NAME_WORD}(?:[ \t]+(?:{_INITIALS})?{_PARTICLES}{_NAME_WORD})?|{_INITIALS}{_PARTICLES}{_NAME_WORD}))(?![\w-])"),
]
_RELATIVE_RULE = _NAME_RULES.pop()

# A patient header line names the patient without a label: "Okonkwo, Adaeze" on its own line, or a name
# followed on the same line by an identifier ("Desmond Achterberg  MRN 3087721", "Jane Roe (DOB ...)",
# "ROE, Jane | 74M"), or after one ("MRN 3087721  Jane Roe"). The given name need not be a known one.
_ID_CUE = (r"(?:MRN|MR\s?#|DOB|D\.O\.B\.?|date\s+of\s+birth|born|NHS(?:\s+(?:no\.?|number))?|CHI|"
           r"hosp(?:ital)?\.?\s+(?:no\.?|number|#)|unit\s+(?:no\.?|number)|patient\s+id|age\s*:|age\s+\d|aged\s+\d|"
           r"\d{1,3}\s*(?:-?\s*(?:y/?o|yo|yrs?|years?(?:[ -]old)?)\b|[MF]\b))")
_HEADER_NAME = (rf"(?:(?:{_NAME_WORD}|{_CAPS_SURNAME}),[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD})?(?:[ \t]+[{_UP}]\.?)?|"
                rf"{_NAME_WORD}[ \t]+(?:{_NAME_WORD}[ \t]+)?(?:{_INITIALS})?{_PARTICLES}(?:{_NAME_WORD}|{_CAPS_SURNAME}))")
_HEADER_RULES: list[re.Pattern] = [
    # "Surname, Given" alone on its line (optionally after a label)
    re.compile(rf"(?m)^[ \t]*(?:(?i:patient|name|pt)\s*:\s*)?((?:{_NAME_WORD}|{_CAPS_SURNAME}),[ \t]+{_NAME_WORD}(?:[ \t]+[{_UP}]\.?)?)[ \t]*$"),
    # all capitals after a patient label: "Patient: HOLLOWAY, DESMOND R."
    re.compile(rf"\b(?i:patient|name|pt)[ \t]*:[ \t]*({_CAPS_SURNAME},[ \t]+{_CAPS_SURNAME}(?:[ \t]+[{_UP}](?:\.|(?!\w)))?)"),
    # all capitals without a comma after a patient label: "Pt: HANS MÜLLER  DOB ...", "Name: ANA DE SOUSA"
    re.compile(rf"\b(?i:patient|patient[ \t]+name|name|pt)[ \t]*:[ \t]*({_CAPS_SURNAME}[ \t]+(?:[{_UP}]\.?[ \t]+)?"
               rf"(?:(?:DE|DA|DEL|VAN|VON|LE|LA|DI)[ \t]+)?{_CAPS_SURNAME})(?=[ \t]*(?:$|[,;|(]|[ \t]{{2}})|[ \t]+{_ID_CUE})", re.M),
    # a name at the start of a line, followed by an identifier on that line
    re.compile(rf"(?im)^[ \t]*(?:(?:patient|name|pt)\s*:\s*)?((?-i:{_HEADER_NAME}))[ \t]*[,;|(\[/\u2013-]?[ \t]*(?={_ID_CUE})"),
    # a name after an identifier and its value, ending the line or followed by another identifier
    re.compile(rf"(?im)\b(?:MRN|MR\s?#|DOB|D\.O\.B\.?|NHS(?:\s+(?:no\.?|number))?|hosp(?:ital)?\.?\s+(?:no\.?|number|#))"
               rf"[ \t]*[:#]?[ \t]*[\w/.-]*\d[\w/.-]*[ \t]*[,;|]?[ \t]+((?-i:{_HEADER_NAME}))"
               rf"(?=[ \t]*(?:$|[,;|(]|[ \t]{{2}}|{_ID_CUE}))"),
]

# a name in capitals after a provider's or the patient's label: "Dictated by: ORSOLYA VANTERPOOL", "SURGEON:,
# HALLAM PRYCE", "PATIENT NAME: BARNABY QUILL." (find_phi drops clinical words and headings)
CAPS_LABEL_NAME = re.compile(rf"\b(?i:patient(?:[ \t]+name)?|name|attending(?:[ \t]+physician)?|surgeon|assistant|anesthesiologist|"
               rf"anaesthetist|referring(?:[ \t]+physician|[ \t]+doctor)?|primary[ \t]+care(?:[ \t]+physician)?|pcp|"
               rf"provider|physician|consultant|resident|dictated[ \t]+by|signed[ \t]+by|transcribed[ \t]+by|"
               rf"electronically[ \t]+signed[ \t]+by|cc|copy[ \t]+to|seen[ \t]+by|(?:performed|read|interpreted|reviewed|verified|approved|operated|evaluated|examined|referred)[ \t]+by)[ \t]*[:,]{{1,2}}[ \t]*"
               rf"(?:(?i:dr)\.?[ \t]+)?({_CAPS_SURNAME}(?:[ \t]+(?:[{_UP}]\.?[ \t]+)?{_CAPS_SURNAME}){{1,2}})"
               rf"(?=[ \t]*(?:$|[,;|(.]|[ \t]{{2}}|(?:MD|M\.D\.|DO|RN|NP|PA)\b))", re.M)

# several doctors after one title: "Drs. Halvorsen and Quint", "Drs A, B and C" (each name is taken by find_phi)
DOCTORS = re.compile(rf"\b(?:Drs|DRS|Doctors)\.?[ \t]+((?:{_PERSON}|[{_UP}](?![\w-]))(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
                     rf"(?:{_PERSON}|[{_UP}](?![\w-]))){{0,4}})")
DOCTORS_ONE = re.compile(rf"{_PERSON}|[{_UP}](?![\w-])")

# a given name before (or a given name and a capitalised word before) the head word of a service, an institution,
# a business or a street names that, not a person: "the Marlena Plastic Surgery Service", "Lincoln Elementary
# School", "Harlan Foods" (the facility, organisation and place rules judge them)
SERVICE_AFTER = re.compile(r"(?<![ \t])[ \t]+(?:Surgery|Surgical|Services?|Clinics?|Department|Unit|Cent(?:er|re)|Hospitals?|"
                           r"Associates|Group|Institute|Program|Team|School|College|University|Academy|Church|"
                           r"Library|Memorial|Medical|Street|Avenue|Road|Boulevard|Corporation|Corp|Inc|"
                           r"Company|LLC|Ltd|Industries|Foods|Partners|Farms|Stores|Hotel|Restaurant)\b")
