"""The kinds of answer a question asks for (its intents), read from the grammar of the
question, and the cues by which a statement or its section's headings offer each kind.

In order of precedence: a question asking "what dose" and "what to do" wants the dose. Each
intent also names the words passages giving its kind of answer are written in ("treatment",
"recommended" for what to do), searched with a low weight (query.with_answer_words). The cue
words are about how questions are asked and how guidelines are written, never clinical
facts (frame.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .analysis import terms
from .patients import FEMALE, MALE, POPULATIONS, cue

_I = re.IGNORECASE

_MEASURE = (
    r"(?:%|ppb|ppm|parts per (?:billion|million)|mg/d[lL]|mmol/[lL]|[µu]mol|ng/m[lL]|pg/m[lL]|"
    r"g/d[lL]|mm ?hg|bpm|kg/m2|units?/[lL]|[lL]/min|cm|mm)"
)
_UNIT_TIME = r"(?:seconds?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wk|months?|years?|yrs?)"


@dataclass(frozen=True)
class Intent:
    name: str
    label: str  # the article title's first word: "Management of ...", "Dosing of ..."
    asks: re.Pattern[str]  # the question asks for this kind of answer
    answers: re.Pattern[str]  # a statement, or its section's headings, offers it
    #: Words passages giving this kind of answer are written in ("treatment", "recommended"
    #: for what to do), searched with a low weight: the vocabulary of guidelines, not facts.
    written_in: tuple[str, ...] = ()


#: A request for what the library holds on a subject in general ("I want to know about lupus
#: and its treatment"): beside a specific kind of answer, it asks for the overview too.
INFORMATION_ASKED = cue(
    r"information",
    r"info\b",
    r"learn",
    r"tell me about",
    r"know about",
    r"overview",
    r"send me",
    r"informaci[oó]n",
)

#: Asked to send something: "send me", "mail me information", "email them".
_SEND = r"(?:send|mail|e-?mail)\w* (?:me|us|it|them|information|info|any|some|more)\b"
#: A request for something to read ("Where could I find more information about ...", "Please
#: send me any literature", "printed materials on osteoporosis"): what the library has to give
#: is the article's sources (answer.point_to_sources).
READING_ASKED = cue(
    r"where (?:can|could|do|would|may|might|should) (?:i|we|one|you) (?:\w+ ){0,2}?"
    r"(?:find|get|read|obtain|look)\b",
    _SEND,
    r"literature",
    r"pamphlets?\b",
    r"brochures?\b",
    r"leaflets?\b",
    r"fl[iy]ers?\b",
    r"(?:printed|reading) materials?\b",
    r"resources\b",
    r"(?:more|any|some|further) (?:information|info)\b",
)
#: ... asking to be sent it, by post or e-mail ("Please mail me information", "mailed
#: information on Lynch syndrome").
SENDING_ASKED = cue(
    _SEND,
    r"mailed\b",
    r"by (?:post|mail|e-?mail)\b",
)

#: An instruction to the reader, as leaflets for patients give them ("Do drink water or
#: sugarless drinks often."): not a caution ("Do not ..."), nor a question ("Do you have
#: information about iron?", "Do these tumours spread?").
DO_INSTRUCTION = (
    r"(?-i:(?:^|(?<=[.;:!?]\s))Do\s+(?!not\b)"
    r"(?!(?:you|we|they|I|he|she|it|these|those|people|patients|the|any|all|some|most|your|"
    r"my|our|their)\b)[a-z]+\b(?![^.?!]*\?))"
)

#: Fighting something for the reader ("help fight bad breath"), not what the body fights
#: ("white blood cells help fight infection", "proteins that help fight disease").
_FIGHTS = (
    r"fight(?!\s+(?:off\s+)?(?:an?\s+|the\s+)?(?:infections?|germs|bacteria|vir\w+|diseases?)\b)"
)

#: What makes a condition worse is what to avoid ("Eating too many foods that are rich in
#: purines ... can cause or aggravate gout", asked what foods to avoid).
WORSENS = re.compile(r"\b(?:worsen|aggravat|make(?:s)? (?:\w+ ){0,3}worse|trigger)", re.IGNORECASE)

#: Who to see and how soon: a doctor, an emergency service ("when should a child with a
#: fever see a doctor?", "do I need to go to the ER?").
_CARER = (
    r"(?:doctor|dr|gp|physician|provider|health ?care provider|specialist|nurse|hospital|"
    r"er|emergency|a&e|urgent care|911|ambulance|clinic)"
)

#: Asking whether it can end in death: "can you die from pneumonia", "is sepsis deadly?",
#: "can a blood clot kill you?".
_KILLS = (
    r"(?:die|dies|dying)\s+(?:from|of)\b",
    r"deadly",
    r"kill\s+(?:you|me|him|her|them|us|people|someone|a person)\b",
)

#: Whether a cure exists, after "can" ("Can psoriasis be cured?", not "How can it be
#: cured?") or "is there" ("Is there a cure for lupus?", not "... a cure being developed"):
#: read in a cue and in WHETHER_CURED.
_BE_CURED = r"[^.?!]{0,60}?\bbe cured\b"
_A_CURE = r" (?:a|any) (?:known )?cures?\b(?!\s+(?:being|in development))"


#: Asking what not to take, mix, eat or drink (intent "contraindication").
_NOT_TO_TAKE = (
    r"(?:what|which)\b[^?.!]{0,40}?\b(?:(?:should|must|can|could)\s+(?:i|you|we|he|she|they)\s+"
    r"not|(?:shouldn'?t|can'?t|cannot|mustn'?t|couldn'?t)\s+(?:i|you|we|he|she|they))\s+"
    r"(?:\w+\s+)?(?:take|mix|combine|eat|drink|use|have)\b"
)


#: In order of precedence: a question asking "what dose" and "what to do" wants the dose;
#: one asking when to see a doctor wants that, not a time.
INTENTS: tuple[Intent, ...] = (
    Intent(
        "escalation",
        "When to seek care",
        cue(
            rf"(?:see|visit|call|contact|consult|phone|go to|take \w+ to|bring \w+ to)"
            rf" (?:a |an |the |my |our |your |his |her )?{_CARER}\b",
            r"seek (?:medical )?(?:help|care|attention|advice)",
            r"need medical (?:help|care|attention)",
            r"when to (?:worry|be worried)",
            # to be sent on or taken in: "Which patients with TIA need urgent referral?",
            # "When should a child with asthma be admitted?"; not the story of one who was
            # ("my mother was hospitalized for pneumonia, what is her outlook?")
            r"(?:need|needs|require|requires|warrant|warrants)\s+(?:an?\s+)?(?:urgent\s+)?"
            r"(?:hospital\s+|inpatient\s+)?(?:referral|admission|hospitali[sz]ation)",
            r"(?:should|must|to)\s+(?:\w+\s+){0,4}?(?:be\s+)?(?:referred|admitted|"
            r"hospitali[sz]ed)\b",
            r"criteria for (?:urgent )?(?:referral|admission|hospitali[sz]ation)",
            r"urgent(?:ly)?\s+(?:\w+\s+)?(?:referral|refer|care|attention|treatment|evaluation|"
            r"assessment|review)\b",
            r"is (?:it|this|that) (?:an? )?(?:urgent|emergency)\b",
        ),
        cue(
            rf"(?:see|visit|call|contact|consult|phone|go to|get to|tell|talk (?:to|with)|"
            rf"check with) (?:a |an |the |your |their |his |her )?(?:local )?{_CARER}",
            r"seek (?:immediate |emergency |urgent |prompt )?(?:medical )?"
            r"(?:help|care|attention|advice|treatment)",
            r"emergency (?:room|department|number|care)",
            r"medical (?:emergency|attention)",
            r"refer(?:ral|red)?\b(?!\s+to\s+as\b)",
            r"urgent(?:ly)?\s+(?:\w+\s+)?(?:referral|refer|care|attention|treatment|evaluation|"
            r"assessment|review|admission|appointment|clinic)\b",
            r"refer\w*\s+(?:\w+\s+){0,3}urgently",
            r"admi(?:t|ssion|tted)\b",
            r"hospitali[sz]",
            r"immediately\b(?!\s+(?:after|before|following)\b)",
        ),
        ("doctor", "emergency"),
    ),
    Intent(
        "dose",
        "Dosing",
        cue(
            # not the dose that names a drug's form ("low-dose aspirin", "high dose steroids"),
            # nor one missed or doubled ("if I miss a dose", "a double dose"): what to do then
            r"(?<!-)(?<!low )(?<!high )(?<!miss a )(?<!missed a )(?<!miss my )(?<!missed my )"
            r"(?<!forget a )(?<!forgot a )(?<!forget my )(?<!forgot my )(?<!skip a )"
            r"(?<!skipped a )(?<!skip my )(?<!skipped my )(?<!double )(?<!extra )doses?\b",
            r"dosing",
            r"dosage",
            r"how much",
            r"how many mg",
            r"dosis",
            r"qu[eé] cantidad",
        ),
        re.compile(
            r"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*(?:[.,]\d+)?\s*"
            r"(?:mg|g|mcg|µg|μg|ug|units?|iu|ml|mmol|meq|mg/kg|ml/kg|mg/m2|"
            # a unit spelled out, as pages for patients write it: "800 to 1,000 international
            # units of vitamin D a day", "1,200 milligrams of calcium" (not grams, a weight:
            # "a birth weight less than 1,500 grams")
            r"(?:milli|micro)grams?|international units?|millilit(?:er|re)s?)\b"
            # a concentration (40 mg/dL, 100 milligrams per deciliter) is a result, not a dose
            r"(?!\s*(?:/\s*|per\s+)(?:dl|l|ml|decilit(?:er|re)s?|lit(?:er|re)s?|millilit(?:er|re)s?)\b)|"
            r"\b(?:\d+|one|two|three|four|five|six|single)[- ](?:doses?|shots?|injections?|"
            r"tablets?|capsules?|pills?|puffs?|drops?|sprays?|teaspoons?|tablespoons?)\b",
            _I,
        ),
        ("dose", "dosage"),
    ),
    Intent(
        "timing",
        "Timing",
        cue(
            r"how (?:long|soon|quickly|often|frequently)",
            r"(?:what|which) age",
            r"at what (?:age|time|point)",
            r"how many (?:days|weeks|months|years|hours|doses)",
            r"what (?:interval|schedule|spacing|timing)",
            r"interval",
            r"when (?:should|to|do|does|is|can|will)",
            r"(?:what|which) [\w-]*\s*time\b",
            r"time should",
            r"delay",
            r"duration",
            r"for how long",
            r"cu[aá]ndo",
            r"qu[eé] edad(?:es)?",
            r"cada cu[aá]nto",
            r"cu[aá]nto tiempo",
            r"con qu[eé] frecuencia",
        ),
        re.compile(
            rf"\b\d+(?:[.,]\d+)?\s*(?:-|to|–)?\s*\d*\s*{_UNIT_TIME}\b(?!-old)|\bwithin\b|\bevery\b|"
            r"\bannual|\bdaily\b|\bmonthly\b|\bweekly\b|\binterval|\buntil\b|\bonce\b|"
            r"\bage[sd]?\s+\d|"
            # a time said by another event: "started at the same time as ULT, not delayed"
            r"\bat the same time as\b|\bconcurrently with\b|\bsimultaneously with\b|\bas soon as\b|"
            r"\bnot (?:be )?delayed\b|\bwithout delay\b",
            _I,
        ),
        ("interval", "weeks", "months"),
    ),
    Intent(
        "threshold",
        "Thresholds",
        cue(
            r"what (?:level|value|score|range|target)",
            r"which level",
            r"threshold",
            r"cut-?off",
            r"targets?\b",  # not "targeted therapy"
            r"how (?:high|low)",
            # a normal or healthy value: "What is a normal blood pressure?", "a normal platelet
            # count", "a healthy BMI", "What should my cholesterol be?"; not "a normal
            # pregnancy" nor "is it normal to feel tired"
            # ... where the question ends or goes on to whom it is for: not "normal pressure
            # hydrocephalus", nor "is it normal to lose weight"
            r"(?:normal|healthy) (?!to\b)(?:[\w-]+ ){0,3}?(?:range|level|value|count|rate|"
            r"reading|number|pressure|sugar|weight|bmi)s?"
            r"(?=\s*(?:[?.!]|$|for\b|in\b|of\b|at\b|when\b|during\b|if\b))",
            r"what should (?:my|his|her|their|our) [\w -]{1,30}? be\b",
        ),
        re.compile(
            rf"[<>≤≥]\s*\d|\d[\d.,]*\s*{_MEASURE}|"
            # a range of values in any unit ("60 to 100 beats per minute", "150,000 to 450,000
            # platelets per microliter"), not of ages or times
            rf"\b\d[\d.,]*\s*(?:to|-|–)\s*\d[\d.,]*\s+(?!{_UNIT_TIME}\b|times\b|tablets?\b|"
            r"capsules?\b|doses?\b)[a-z]+\s+per\b|"
            # "A BMI between 18.5 and 24.9 is in the healthy range"; not an age or a time
            rf"\bbetween\s+\d[\d.,]*\s+and\s+\d[\d.,]*(?![\d.,])(?!\s*{_UNIT_TIME}\b)|"
            r"\bor (?:more|less|higher|lower|above|below|greater)\b|"
            r"\b(?:above|below|greater than|less than|at least|more than|exceed\w*|under|over)"
            # a value, not a count of things ("at least 2 other tests")
            rf"\s+\d[\d.,]*(?:\s*{_MEASURE}|(?![\d.,]*\s*[a-z]))|"
            # a target made looser or tighter: "Consider relaxing the target HbA1c level ...
            # for people who are older or frail", "a less stringent A1C goal" (not muscle
            # relaxants, nor "individualized goals of care")
            r"\b(?:relax(?:e|es|ed|ing)|individuali[sz](?:e|ed|ing)|(?:less|more) stringent|"
            r"tighter|looser)\s+(?:the\s+|their\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
            # a target named, not the verb ("therapies target specific mutations")
            r"(?:targets?|goals?)\b(?!\s+(?:of\s+care|specific|the|an?|their|its)\b)",
            re.IGNORECASE,
        ),
        ("threshold", "target"),
    ),
    Intent(
        "contraindication",
        "Cautions",
        cue(
            r"contraindicat",
            r"safe\b",
            r"safety",
            r"interact",
            r"avoid",
            r"side[- ]?(?:effects?|affects?)",  # "side affects": a slip no corrector mends
            # what not to take with something: "what medicines should I not mix with
            # gabapentin", "what can't I eat while on metformin" (asked with "what", not a
            # story's "I can't eat since chemo")
            _NOT_TO_TAKE,
        ),
        cue(
            r"side[- ]?effects?",
            r"contraindicat",
            r"avoid",
            r"should not",
            r"not recommend",
            r"caution",
            r"safe(?!guard)",  # not "safeguarding"
            r"interact",
            # a risk run, not one lowered: "reduce the risk of type 2 diabetes" is a benefit
            r"risk of(?<!reduce the risk of)(?<!reduces the risk of)(?<!reduced the risk of)"
            r"(?<!reducing the risk of)(?<!reduce your risk of)(?<!reduces your risk of)"
            r"(?<!lower the risk of)(?<!lowers the risk of)(?<!lowered the risk of)"
            r"(?<!lower your risk of)(?<!lowers your risk of)(?<!a lower risk of)"
            r"(?<!decrease the risk of)(?<!decreases the risk of)(?<!decreased the risk of)"
            r"(?<!cut the risk of)(?<!cuts the risk of)",
            r"adverse",
            WORSENS.pattern,
        ),
        ("contraindicated", "avoid", "caution"),
    ),
    Intent(
        "monitoring",
        "Monitoring",
        cue(
            r"surveillance",
            r"monitor",
            r"follow-?up",
            r"check-?ups?",
            r"recheck",
            r"screen"
            r"ing interval",
        ),
        cue(
            r"surveillance",
            r"monitor",
            r"follow-?up",
            r"every(?!one|body|thing|where|day\b)",  # "every 6 months", not "everyone"
            r"interval",
            r"annual",
            r"repeat",
            r"recheck",
        ),
        ("follow-up", "surveillance", "monitoring"),
    ),
    Intent(
        "management",
        "Management",
        cue(
            r"treat",
            r"therap",
            r"manag",
            r"course of action",
            r"next step",
            # what to add to a treatment ("What is usually added next?"), not ADD (attention
            # deficit disorder)
            r"(?:what|which)(?: \w+)?(?: is| are| should| can| could)(?: \w+)?(?: be)? added\b",
            r"add[- ]on",
            r"what to do",
            r"what (?:should|can|do|must) (?:i|we|you|he|she|they|one)"
            r"(?!\s+(?:expect|know|be aware|look|watch)\b)",
            r"how (?:to|do you|should we|should i) (?:go about|handle|deal|proceed|approach)",
            r"options?",
            r"first[- ]line",
            r"second[- ]line",
            # the choice a guideline makes: "What is the standard chemotherapy for ...?",
            # "What is the preferred antibiotic for ...?"
            r"(?:standard|preferred|recommended|usual|optimal) (?:[\w-]+ )?(?:for|in)\b",
            r"(?:drug|treatment|agent) of choice",
            # which agent still acts on the disease: "Which TKI still has activity?", "what is
            # effective against MRSA?"
            r"(?:which|what) [\w-]+ (?:still )?(?:has|have|retains?|keeps?) activity\b",
            r"(?:active|effective) against\b",
            # who is to have a treatment ("What are the indications for thrombolysis ...?"),
            # not a test or a scan
            r"indications? (?:for|of)\b(?!\s+(?:\w+\s+){0,3}?(?:tests?|testing|screen\w*|"
            r"scans?|imaging)\b)",
            # an infection cleared ("How is H. pylori infection eradicated?")
            r"eradicat",
            r"medications?",
            r"medicines?",
            r"drugs?",
            r"cure",
            r"acceptable",
            r"appropriate",
            r"approved\b",
            r"ok(?:ay)? to",
            r"can (?:i|we|you|he|she) (?:just )?(?:start|give|use|take|stop|switch|continue)",
            # whether to go on with a drug: "do I need to stop the aspirin?", "should the
            # aspirin be stopped?", "can I keep taking my aspirin?"
            r"(?:need|have|ought) to (?:stop|keep|continue|quit|come off)\b",
            r"(?:stop|keep|continue|quit) (?:taking|using)\b",
            r"be (?:stopped|discontinued|continued|withheld)\b",
            r"work(?:s)? (?:well|for)",
            r"effective",
            r"approach",
            r"recommend",
            r"give",
            # "what helps with ringing in the ears", "does anything help for hiccups", "what
            # helps a sore throat"; not "help is available"
            r"helps? (?:him|her|me|them|us|with|for|a|an|my|his|their|your|the|relieve|ease|"
            r"stop|get rid)\b",
            r"lower",
            r"reduce",
            r"control",
            r"trat(?:a|an|ar|amiento|amientos)\b",
            r"medicamentos?",
            r"f[aá]rmacos?",
            r"what do(?:es)? (?:the )?[\w/ -]{0,40}(?:guidelines?|recommendations?) say",
            r"qu[eé] hacer",
            r"manejo",
            r"recomienda",
            r"se debe",
            r"relie(?:f|ve)",
            r"surgery",
            # "send me some exercises for a person who is a stroke victim", not the
            # "saccadic eye exercises" of a question on whether to prescribe them
            r"(?:some|any|what|which|good|best) exercises\b",
            # not "what symptoms should I look for?": what to watch for is no decision
            r"should (?:i|we|he|she|they)(?!\s+(?:look|watch|check)\s+(?:out\s+)?for\b)"
            r"(?!\s+(?:expect|know|be aware)\b)",
            r"get rid of",
            # help with one's condition: "if I can get help", "how we could get some help",
            # "get help for my son's stammer"; not "where can I get help and support"
            r"\b(?:if|whether|how) (?:i|we|he|she|they|you) (?:can|could) get (?:some |any |more )?"
            r"help\b",
            r"\bget (?:some |any |more )?help (?:with|for)\b",
            r"(?:anything|something|what) (?:else )?(?:that )?(?:can|could) (?:\w+ )?be done",
            r"(?:anything|something) (?:else )?(?:that )?(?:i|we|you|he|she|they) (?:can|could) do",
            r"help (?:the|his|her|my|their|your|these|those) symptoms",
            # who is to have a treatment or procedure ("Which patients with a thyroid nodule
            # should have fine-needle aspiration?"), not who is to have a test or a scan
            r"(?:who|which (?:\w+ ){0,2}?(?:patients|people|persons|women|men|children|adults))"
            r"\b[^?.]{0,80}?\b(?:should|need|needs|must)\s+(?:to\s+)?(?:have|get|receive|take|"
            r"undergo|be (?:given|offered|treated))\b"
            r"(?!\s+(?:\w+\s+){0,4}?(?:tests?|tested|testing|screen\w*|scans?|imaging|"
            r"checked|examined|evaluated)\b)",
        ),
        cue(
            r"treat",
            r"therap",
            r"manag",
            r"recommend",
            # not "should be tested for hypothyroidism": that says which test
            # nor "Clinicians should diagnose AOM in children who ...": that says how to tell
            r"should(?!er)(?!\s+(?:\w+\s+)?(?:be|get|have)\s+(?:tested|screened|checked|examined|evaluated)\b)"
            r"(?!\s+(?:\w+\s+)?(?:diagnose|suspect|test|screen)\b)",
            r"initiat",
            r"start(?!s\b|le)",  # "start metformin", "starting dose"; not "it starts", "startle"
            r"administ",
            r"medication",
            r"medicines?\b",
            r"drug",
            r"surg",
            r"resect",
            r"first-line",
            r"prescri",
            r"indicated",
            r"option",
            r"regimen",
            r"consider(?!ation|abl|ed\b)",  # not "special consideration", "is considered a"
            r"be considered",
            r"offer",
            r"preferred",  # "US is the preferred initial examination"
            # a guideline's conditional recommendation ("The AGA suggests a fiber-rich diet",
            # "we suggest against ..."), not what findings suggest
            r"(?:we|panel|committee|authors|guideline|society|association|college|task force|"
            r"work group|(?-i:[A-Z]{2,6}))\s+(?:also\s+|conditionally\s+)?suggests?\b",
            r"cur(?:e|es|ed|able|ative)\b",  # "there is no cure": asked for a cure
            # what a reader may try: "To soothe itchy skin, you can try cold compresses,
            # lotions and lukewarm baths"
            r"you (?:can|could|may|might) (?:also )?try\b",  # not "Some people may try to hide"
            # "Things you can do include sipping water ...", "steps you can take"
            r"(?:things|steps) (?:that )?you (?:can|could|should) (?:do|take)\b",
            # what the reader can do about it: "You can reduce the amount of gas you have by
            # ...", "you can relieve insomnia by making a few simple lifestyle changes"
            # (not "the ones you can control", muscles)
            r"(?<!\bones )\byou can (?:also )?(?:help )?(?:reduce|lower|relieve|ease|treat|"
            r"improve|lessen|decrease|control)\b",
            r"sooth(?:e|es|ing)\b",
            # an agent that acts on the disease, asked which does ("Ponatinib is an oral TKI
            # that has activity in patients with T315I variants")
            r"(?:has|have|retains?|demonstrated) (?:\w+ )?activity (?:in (?:patients|people|"
            r"adults|children)|against)\b",
            r"(?:active|effective) against\b",
            # what may help the reader with it: "Some ointments, creams or rinses may help with
            # the pain", "Avoiding hot, spicy food ... also helps." (not "can help find cancer
            # at an early stage": that is a test's use)
            r"(?:may|can|might|could|often|usually|also) helps?\s+(?:(?:to|you|people|patients|"
            r"some \w+)\s+)?(?:with|relieve|ease|reduce|control|manage|prevent|treat|lower|quit|"
            rf"stop|cope|heal|{_FIGHTS})\b",
            r"(?:may|can|might|could|often|usually|also) helps?\s*[.;]",
            # what helps, said plainly: "Having good dental habits ... help fight bad breath",
            # "To help relieve itching, apply a cool compress" (not "help find", "helps
            # control the menstrual cycle", nor how the body works: "They help prevent the
            # digestive tract from absorbing cholesterol", "white blood cells help fight
            # infection")
            rf"\bhelps?\s+(?:to\s+)?(?:relieve|ease|heal|soothe|{_FIGHTS})\b",
            DO_INSTRUCTION,
        ),
        ("treatment", "recommended", "therapy", "management"),
    ),
    Intent(
        "complications",
        "Complications",
        # what the condition leads to: its complications, lasting effects, what happens
        # untreated ("What problems can diabetes cause over time?"); not whether it causes one
        # thing named ("Can high blood pressure cause headaches?": a link, keeping.py)
        cue(
            r"complications?\b",  # not "complicated grief"
            r"long[- ]term (?:effects?|problems?|consequences?|damage)",
            r"(?:lasting|permanent) (?:effects?|problems?|damage)",
            r"what happens (?:if|when) [\w'’ -]{0,60}?(?:not treated|untreated|goes untreated|"
            r"isn['’]?t treated|"
            # "what happens if you dont treat sleep apnea", "if I don't get my high blood
            # pressure treated", "if you don't seek treatment"; not a treatment that does not
            # work ("doesn't come down with treatment")
            r"(?:do not|don['’]?t|does not|doesn['’]?t|did not|didn['’]?t|never)\s+"
            r"(?:(?:get|seek|receive|have|want|go for|take)\s+(?:[\w'’]+\s+){0,4}?)?treat\w*)",
            # not "What conditions can cause chest pain?", which asks the causes
            r"(?:what|which|other|any|serious) (?:other )?(?:problems?|damage|effects?) "
            r"(?:can|could|does|do|will|might|may) [\w' -]{0,40}?(?:cause|lead to|result in)",
            r"(?:cause|lead to|result in) (?:any |other |serious |lasting )?(?:other )?"
            r"(?:problems?|damage|complications?|effects?)\b",
        ),
        # not "complicated UTI", nor "Long-Term Management of Asthma"
        cue(
            r"complications?\b",
            r"lead to",
            r"leads to",
            r"(?:can|may|could|will) (?:also )?(?:cause|damage|result in)",
            r"long[- ]term (?:effects?|problems?|consequences?|damage)",
            r"(?:if|when) (?:it is |they are )?(?:not|left) (?:treated|untreated)",
            r"untreated",
        ),
        ("complications",),
    ),
    Intent(
        "test",
        "Testing",
        cue(
            r"which test",
            r"what test",
            r"tests?\b",
            r"testing",
            r"(?:get|gets|getting|be|being) tested\b",  # "should everyone get tested for ..."
            r"diagnos",
            r"screen",
            r"how (?:do|can|would|will) (?:you|i|we|they|doctors) (?:know|tell|find)",
            # "how are you 100% sure if you have asthma?", "how can I be certain ..."
            r"how (?:are|am|is|can|could|do|would|will) (?:you|i|we|they|doctors|one)"
            r"(?: be)? (?:\d+% |completely |really |absolutely )?(?:sure|certain)\b",
            r"detect",
            r"confirm",
            r"prueba",
            r"diagn[oó]stic",
            r"detectar",
            r"work-?up",
            r"imaging",
            r"scan",
            r"evaluat",
            # "How should a first seizure be investigated?"; not a drug under study
            r"investigat(?!ional|or)",
        ),
        cue(
            r"diagnos",
            r"test(?!osteron|ic|im)",  # not testosterone, testicular, testimony
            r"screen",
            r"imaging",
            r"measur",
            r"assay",
            r"biops(?!ychos)",  # not "biopsychosocial"
            r"scan(?!dinav)",  # not "Scandinavian"
            r"evaluat",
            r"detect",
            r"level",
            r"marker",
            r"exam(?!ple)",  # not "for example"
            r"investigat(?!ional|or)",  # "Investigations should include ..."
        ),
        ("test", "diagnosis", "imaging"),
    ),
    Intent(
        "interpretation",
        "Interpretation",
        cue(
            r"mean(?:s|ing)?\b",
            r"interpret",
            r"elevated",
            r"raised",
            r"abnormal",
            r"positive",
            r"negative",
            r"high(?:er)? (?:level|result|value|reading)",
            r"low(?:er)? (?:level|result)",
        ),
        cue(
            r"elevat",
            r"rais",
            r"increas",
            r"decreas",
            r"abnormal",
            r"indicat",
            r"suggest",
            r"associated",
            r"level",
            r"marker",
            r"normal",
            r"sensitiv",
            r"specific",
        ),
        ("elevated", "levels", "marker"),
    ),
    Intent(
        "prognosis",
        "Outlook",
        cue(
            r"prognos",
            r"outlook",
            r"life expectancy",
            r"surviv",
            r"live (?:long|with)",
            r"how long .{0,40} live",
            r"dangerous",
            r"fatal",
            r"curable",
            # whether a cure exists: "Can psoriasis be cured?", "Is there a cure for lupus?"
            # (not what the cure is, nor whether there will ever be one: research); read on
            # the words before "cure", so that what treats it is asked too, second
            rf"(?<!\bhow )\bcan\b(?={_BE_CURED})",
            rf"(?:is|are) there(?={_A_CURE})",
            r"serious",
            r"recover",
            r"get better",
            r"live normal",
            r"progress(?!ive)",  # not "Progressive supranuclear palsy"
            # how well a treatment turns out: "What is the success rate of ablation?", "can
            # arrhythmia recur after ablation?"
            r"success(?:ful)?\s+rates?",
            r"how successful",
            # not a condition named by its coming back ("recurrent throat infections")
            r"recurs?\b|recurr(?!ent\b)",
            *_KILLS,
            # how it will go: "will it develop to bad condition?", "is it going to get worse?",
            # "could it turn into cancer?"; not what makes it worse now
            r"(?:will|would|could|might|going to|can)\s+(?:\w+\s+){0,2}?(?:develop|turn|grow|"
            r"become|get|progress)\w*\s+(?:(?:in)?to\s+)?(?:an?\s+)?(?:bad|worse|serious|"
            r"dangerous|malignant|cancer(?:ous)?)\b",
        ),
        cue(
            r"prognos",
            r"outlook",
            r"surviv",
            r"life expectancy",
            r"mortality",
            r"fatal",
            r"cure(?!tt)",  # not "curettage"
            r"(?:in)?curable\b",  # "this disease is generally not curable"
            r"recover",
            r"progress(?!ive)",
            # how long it lasts: "Psoriasis can last a long time, even a lifetime", "a life-long
            # disease", "Many types of anemia can be mild, short term, and easily treated"
            r"life-?long\b",
            r"\b(?:even |for )?a lifetime\b",
            r"lasts?\s+(?:a\s+)?(?:long|short)\s+time\b",
            r"easily treated\b",
            # how well a treatment turns out: "Catheter ablation is successful in ...", "The
            # success rate ..."
            r"success(?:ful)?\s+(?:rates?|in)\b",
            # the course: "They tend to remain stable (stationary) over time", "The disease
            # gets worse over time", "does not shorten the lifespan"
            r"stable",
            r"(?:gets?|getting|becomes?) worse\b",
            r"worsens?\s+(?:over|with)\s+(?:time|age)",
            r"(?:does|do|did) not worsen",
            r"life ?span",
            r"normal life",
            # the course to its end: "Many healthy babies have some jaundice during the first
            # week of life. It usually goes away.", "The rash clears up in a few weeks"
            r"(?:goes|go|going|went|gone) away\b",
            r"clears? up\b",
            r"disappears?\b",
            # death with its time: "Death often results from respiratory failure within 2 to
            # 10 years", "most people with ALS die from respiratory failure"
            r"(?:die|dies|died|death)\b[^.;]{0,60}?\b(?:within|after|by the age)\b",
            r"most (?:people|patients|individuals|children|affected)\b[^.;]{0,60}\bdie\b",
        ),
        ("prognosis", "survival", "outlook"),
    ),
    Intent(
        "cause",
        "Causes",
        cue(
            r"caus",
            r"why",
            # not "get rid of", nor "How can I get information on ...?"
            r"how (?:did|do|does|can) (?:i|you|we|he|she|they|one) get"
            r"(?!\s+(?:rid|information|info|more|help|a copy|copies|in touch|hold)\b)",
            r"risk factors?",
            r"trigger",
            r"etiolog",
            r"aetiolog",
            r"lead to",
            r"what (?:could|might|can) (?:this|it|that) be\b",  # what is causing it
            # how one gets it from another: "How is hepatitis B spread?"
            r"how (?:is|are|does|do|can) [\w' -]{0,40}?(?:spread|transmit|caught|catch)",
            r"contagious",
            r"infectious",
        ),
        cue(
            # not "all-cause mortality", nor what the condition causes: "Cervical cancer may
            # not cause any symptoms at first", "... cause symptoms such as back pain"
            r"(?<!all-)caus(?!(?:e|es|ing)\s+(?!of\b)(?:\w+\s+)?(?:symptoms?|signs?)\b)",
            r"risk factor",
            r"due to",
            r"result(?:s|ing)? (?:from|in)\b",  # not "results indicated"
            r"trigger",
            # how one gets it from another, not "the spread of cancer"
            r"spreads? (?:by|through|from|via|when|during)",
            r"contagious",
            r"transmi(?:tted|ssion)",
        ),
        ("causes", "caused"),
    ),
    Intent(
        "risk",
        "Risk",
        # not "high-risk disease": a compound that grades the patient does not ask the risk
        cue(r"(?<!-)risk", r"chances?", r"likel", r"odds", r"more likely", r"prone"),
        cue(r"risk", r"chance", r"likel", r"increas", r"odds"),
        ("risk",),
    ),
    Intent(
        "symptoms",
        "Signs and symptoms",
        cue(
            r"symptoms?",
            r"signs?",
            r"feel(?:s|ing)? like",  # not "any literature you feel I could use"
            r"how (?:does|do|will|would|should) [\w ]{0,30}feel",
            r"experience",
            r"presentation",
            r"look like",
        ),
        # not "significant", "signalling", "signature"
        cue(r"symptom", r"sign(?!ific|al|atur)", r"present", r"feel", r"experienc"),
        ("symptoms", "signs"),
    ),
    Intent(
        "inheritance",
        "Inheritance",
        cue(
            r"inherit",
            r"hereditar",
            r"passed (?:down|on)",
            r"genetic",
            r"genes?\b",
            r"run(?:s)? in (?:the |my |our )?famil",
            r"offspring",
            r"children (?:have|get)",
            r"chromosom",
        ),
        cue(
            r"inherit",
            r"hereditar",
            r"autosomal",
            r"x-linked",
            r"passed",
            r"famil",
            r"de novo",
            r"carriers?\b",
            r"offspring",
            r"maternal",
            r"paternal",
            r"recurrence",
        ),
        ("inherited", "genetic"),
    ),
    Intent(
        "prevention",
        "Prevention",
        cue(
            r"prevent",
            r"avoid getting",
            # what to do to keep something from happening, not what to keep away from
            r"do to avoid",
            r"how (?:can|do|should|could|to) (?:i |we |you |he |she |they |one )?avoid",
            r"reduce (?:the |my )?risk",
            r"protect",
            # keeping it from coming back: "what can i eat to stop them coming back"
            r"(?:stop|keep)\w*\s+(?:\w+\s+){0,3}?(?:from\s+)?(?:coming back|happening again|"
            r"returning|recurring)",
            # no longer getting it: "how can I stop getting kidney stones", "how do I keep my
            # kids from getting lice" (with the asking words, which alone would ask what to do);
            # not "keep getting", "stop having coffee"
            r"(?:(?:can|do|could|should|would|to)\s+(?:\w+\s+){0,2}?)?(?:stop\s+(?:\w+\s+){0,3}?|"
            r"keep\s+(?:\w+\s+){0,3}?from\s+)(?:getting|catching|developing)\b",
        ),
        cue(r"prevent", r"reduc", r"protect", r"vaccin", r"avoid"),
        ("prevention", "prevent"),
    ),
    Intent(
        "frequency",
        "Frequency",
        # how many have it, not how often something is done ("how often should I ...": a time)
        cue(
            r"how (?:common|rare|frequent|prevalent|widespread|uncommon)",
            r"how many (?:\w+ )?(?:people|persons|individuals|children|adults|women|men|babies|"
            r"newborns|americans|cases|patients)\b(?! (?:should|must|need|are (?:recommended|"
            r"needed)))",
            r"prevalen",
            r"incidence",
            r"(?:is|are) (?:it|this|that|they|[\w'-]+(?: [\w'-]+){0,3}) (?:very )?"
            r"(?:rare|common)\?",
        ),
        cue(
            r"prevalen",
            r"incidence",
            r"how many (?:\w+ )?(?:people|persons|individuals) (?:are|is) affected",  # a heading
            r"affects? (?:about|approximately|an estimated|nearly|almost|more than|fewer than|"
            r"less than|roughly|up to|\d)",
            r"(?:\d[\d,.]*|one|two|three|four|five) (?:in|out of) (?:every )?(?:\d|two|three|four|"
            r"five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million)",
            # "Fifty percent of all Americans", "1.5 million Americans", "2% of adults"
            r"(?:percent|%) of (?:all )?(?:the )?(?:\w+ )?(?:americans|people|persons|adults|"
            r"children|women|men|population|individuals|newborns|births)",
            r"(?:million|thousand) (?:\w+ )?(?:americans|people|persons|adults|children|women|men|"
            r"individuals)",
            r"per \d[\d,]* (?:people|persons|population|births|live births|newborns|adults|"
            r"children|individuals)",
            r"estimated (?:\d|that)",
            r"(?:cases|people) (?:have been |are )?(?:reported|described|diagnosed) (?:each|every|"
            r"per|in|worldwide)",
            r"(?:is|are) (?:a |an )?(?:very |extremely |relatively |quite )?"
            r"(?:rare|common|uncommon)\b"
            r"(?! (?:cause|symptom|sign|type|form|complication|side effect)s?\b)",
        ),
        ("prevalence", "incidence", "affects"),
    ),
    Intent(
        "research",
        "Research",
        cue(
            # research asked for, not the asker's own ("I have been researching ...", "a
            # research report on SIDS")
            r"(?<!did )(?<!some )(?<!my own )(?<!own )"
            r"research(?!\w*\s+(?:assignments?|reports?|projects?|papers?|essays?|class)\b)"
            r"(?!ing\b|ed\b)",
            r"clinical trials?",
            r"(?:latest|newest|new|recent|ongoing|experimental|upcoming|future)\s+(?:\w+\s+)?"
            r"(?:studies|findings|developments?|advances?|breakthroughs?)",
            # not "the latest treatment for gout", what is done now
            r"(?:experimental|upcoming|future)\s+(?:\w+\s+)?"
            r"(?:treatments?|therap(?:y|ies)|drugs?|cures?)",
            r"being\s+(?:studied|tested|developed|researched|investigated)",
            r"(?:researchers|scientists)\s+(?:\w+\s+)?(?:studying|testing|developing|working on)",
            r"(?:ever|someday|one day)\s+be\s+(?:an?\s+)?(?:\w+\s+)?cure",
        ),
        # research under way, not what researchers once described ("Researchers have
        # described two major types of ...") nor what a study saw
        cue(
            r"(?:researchers|scientists|investigators)\s+(?:\w+\s+)?(?:are|continue)\b",
            r"(?:is|are)\s+(?:now\s+|currently\s+)?being\s+(?:studied|tested|developed|"
            r"investigated|evaluated|explored)",
            r"clinical\s+trials?",
            r"(?:studies|trials|research)\s+(?:are|is)\s+(?:\w+\s+)?(?:underway|under way|"
            r"ongoing|in progress|continuing)",
            r"(?:focus|areas?)\s+of\s+(?:\w+\s+)?research",
            r"experimental\s+(?:treatments?|therap(?:y|ies)|drugs?)",
        ),
        ("research", "clinical trials"),
    ),
    Intent(
        "definition",
        "Overview",
        cue(
            r"what (?:is|are)",
            r"what does .{1,40} mean",
            INFORMATION_ASKED.pattern,
            r"literature",
            # what something is, not how it acts: "explain the general effects of smoking"
            r"explain(?!\s+(?:the\s+)?(?:\w+\s+)?(?:effects?|impacts?|influence|role|links?|"
            r"connections?|relationships?|differences?|association)\b)",
            r"resources?",
            r"research",
            r"qu[eé] es",
        ),
        cue(
            r"what (?:is|are)",
            r"overview",
            r"introduction",
            r"definition",
            r"description",
            r"general information",
            r"summary",
            r"about",
        ),
    ),
)
_BY_NAME = {intent.name: intent for intent in INTENTS}
GENERAL = Intent("general", "Overview", re.compile(r"(?!)"), INTENTS[-1].answers)
#: Kinds of answer any statement may give, asking for no one kind of section: what
#: something is, or what the library holds.
OVERVIEW_INTENTS = frozenset({"definition", GENERAL.name})


#: A diagnosis the patient already has describes them; it does not ask for a test
#: ("Newly diagnosed obstructive sleep apnoea - what initial therapy?").
DIAGNOSED = re.compile(
    r"\b(?:newly|recently|just|been|was|were|being|i'?m|am|not|un)[ -]?diagnos\w*|"
    r"\bdiagnosed\s+(?:with|as|at)\b|\b(?:has|have|had|with) an? diagnosis of\b|"
    r"\b(?:acaban? de|me|le|nos|fue|ha sido|han|hemos)\s+diagnostic\w*|\bdiagnosticad[oa]s?\b",
    _I,
)

#: Not diagnosed: "not diagnosed", "undiagnosed"; "I have not (yet) been diagnosed".
_NOT_DIAGNOSED = re.compile(r"(?:not|un)[ -]?diagnos", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:not|never|n't)\s+(?:yet\s+)?$", re.IGNORECASE)
#: The patient was born with the condition, or calls it theirs: "I was born with Diabetes
#: Insipidus", "I would like to learn more about my condition".
_OWN_CONDITION = re.compile(
    r"\b(?:was|were|is|are|been)\s+born\s+with\b|\bmy\s+(?:condition|disease|disorder)\b",
    re.IGNORECASE,
)
#: Someone the question names has it: "My daughter has Turner syndrome", "I have lupus".
_HAS = (
    r"\b(?:I|he|she|we|they|(?:my|our|his|her)\s+[a-z]+(?:\s+[a-z]+)?)\s+(?:has|have|had)\s+"
    r"(?:had\s+|got\s+)?(?:an?\s+|the\s+)?"
)
#: ... said, not asked: "Does my son have Turner syndrome?"
_ASKS_IF = re.compile(
    r"\b(?:do|does|did|can|could|may|might|would|will|should|if|whether)\s*$", re.IGNORECASE
)


def has_diagnosis(question: str, topic: str | None = None) -> bool:
    """Whether the question says the patient has the diagnosis already ("I was just
    diagnosed", "I was born with Diabetes Insipidus", "My daughter has Turner syndrome"
    where that is its `topic`), not asks whether they have it, nor says they have not been
    diagnosed ("I am not diagnosed but ...", "undiagnosed")."""
    if _OWN_CONDITION.search(question) or any(
        not _NOT_DIAGNOSED.match(m.group()) and not _NOT_BEFORE.search(question[: m.start()])
        for m in DIAGNOSED.finditer(question)
    ):
        return True
    if not topic:
        return False
    return said_to_have(question, topic)


def said_to_have(question: str, name: str) -> bool:
    """Whether the question says someone it names has the condition `name` ("My daughter
    has scoliosis", "I have lupus"), not asks whether they have it ("Does my son have
    Turner syndrome?")."""
    has = re.compile(_HAS + re.escape(name) + r"\b", re.IGNORECASE)
    return any(not _ASKS_IF.search(question[: m.start()]) for m in has.finditer(question))


def intents_of(question: str) -> tuple[Intent, ...]:
    """The kinds of answer the question asks for, the one that takes precedence first."""
    question, spans = _cues_read(question)

    def within_another(name: str) -> bool:
        # every cue of this kind lies inside a longer cue of another specific kind ("avoid"
        # in "do to avoid"; "doses" in "how many doses"): the longer one reads those words.
        # A definition's cues ("what does ... mean") are too wide to read any.
        return all(
            any(
                other not in {name, "definition"}
                and s <= start
                and end <= e
                and e - s > end - start
                for other, found in spans.items()
                for s, e in found
            )
            for start, end in spans[name]
        )

    found = tuple(
        intent for intent in INTENTS if spans[intent.name] and not within_another(intent.name)
    )
    specific = tuple(intent for intent in found if intent.name != "definition")
    specific = _indication_first(_purpose_first(_research_first(specific), question), question)
    specific = _whether_cured_first(specific, question)
    return _with_workup(_meaning_first(specific, question), question) or found or (GENERAL,)


#: What joins care to another kind of answer asked about it: a preposition, after the
#: kind's verb, and up to four words of the care's name ("side effects of radiation
#: therapy", "follow-up after treatment", "monitoring is needed during lithium therapy"),
#: or the kind's verb alone ("Which test is recommended", "What screening is recommended").
#: Not across a clause: "side effects, and how is it treated".
_OF_CARE = re.compile(
    r"(?:\s+(?:(?:is|are|(?:should |would )?be)\s+\w+\s+|\w+ed\s+)?"
    r"(?:of|after|following|from|during|before|with|for)\s+"
    r"(?:(?!(?:and|or|but|what|which|how|when|why|who|should|can|could|do|does)\b)[\w'/-]+\s+){0,4}?"
    r"|(?P<verb>\s+(?:is|are|would be|should be|be)\s+))",
    _I,
)
#: Care cues that are only the verb of such a question ("Which test is recommended").
_CARE_VERB = re.compile(r"recommend|appropriate|acceptable|approved", _I)
#: A cue of care that asks by itself, with its own question word, whatever it follows: "side
#: effects of metformin what to do", "symptoms of flu after vaccine can i take ibuprofen".
_ASKS_ITSELF = re.compile(r"(?:what|which|how|should|can|could|ok|okay|anything|something)\b", _I)


def _cues(question: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of answer's cues are in the question."""
    return {intent.name: [m.span() for m in intent.asks.finditer(question)] for intent in INTENTS}


def _cues_read(question: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """The question as its cues are read (a diagnosis it tells left out), and where each
    kind of answer's cues that ask are: of care, only those that ask it (_care_cues_asked)."""
    question = DIAGNOSED.sub(" ", question)
    spans = _cues(question)
    return question, {**spans, "management": _care_cues_asked(question, spans)}


def asks_of_care(question: str) -> bool:
    """Whether the question names care only as what another kind of answer it asks is
    about ("What are the complications of surgery for an enlarged prostate?"): the
    statements that answer it may stand under a heading on the care ("How is benign
    prostatic hyperplasia treated?": "Complications after surgery may include ...")."""
    question = DIAGNOSED.sub(" ", question)
    spans = _cues(question)
    return bool(spans["management"]) and not _care_cues_asked(question, spans)


def _word_end(text: str, at: int) -> int:
    """Where the word that goes on at `at` ends ("screen" of "screening")."""
    while at < len(text) and (text[at].isalnum() or text[at] in "_-"):
        at += 1
    return at


def _care_cues_asked(
    question: str, spans: dict[str, list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """The cues of what to do that ask it: not the care another asked kind of answer is
    about ("What are the side effects of radiation therapy for prostate cancer?" asks the
    side effects; "What follow-up is recommended after treatment for Hodgkin lymphoma?",
    the follow-up; "Which test is recommended to diagnose celiac disease?", the test). A
    cue of care that follows such a one is about it too ("recommended after treatment")."""
    ends = [
        _word_end(question, end)
        for name, found in spans.items()
        if name not in {"management", "definition"}
        for _, end in found
    ]
    asked: list[tuple[int, int]] = []
    care: list[int] = []  # where the care named so far ends
    for start, end in spans["management"]:
        if _ASKS_ITSELF.match(question, start):
            asked.append((start, end))  # "side effects of metformin what to do"
            continue
        before = [e for e in ends if e <= start]
        joined = _OF_CARE.fullmatch(question[max(before) : start]) if before else None
        # the care's name goes on: "side effects of drug therapy", "... treatment options"
        goes_on = bool(care) and not question[max(care) : start].strip()
        if goes_on or (joined and (not joined.group("verb") or _CARE_VERB.match(question, start))):
            # its first word read (a cue may take the preposition after it: "recommended
            # for patients on warfarin therapy")
            ends.append(_word_end(question, start))
            care.append(_word_end(question, end))
            continue
        asked.append((start, end))
    return asked


#: Asking whether a cure exists ("Can psoriasis be cured?", "Is there a cure for lupus?").
WHETHER_CURED = re.compile(rf"(?<!\bhow )\bcan\b{_BE_CURED}|\b(?:is|are) there{_A_CURE}", _I)


def _whether_cured_first(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked whether a cure exists, the outlook comes first (whether it is cured, or lasts a
    lifetime), then what treats it: "There is no cure for lupus, but medicines and lifestyle
    changes can help control it" leads, and the treatments follow."""
    names = [intent.name for intent in intents]
    if "prognosis" not in names or "management" not in names or not WHETHER_CURED.search(question):
        return intents
    outlook = intents[names.index("prognosis")]
    return (outlook, *(intent for intent in intents if intent is not outlook))


#: Asking only what to do, in words that name no kind of care ("what can I do", "what should
#: I eat"): the purpose said with it says what kind ("... to prevent migraines").
_ANY_DOING = re.compile(
    r"\b(?:what|anything|something)\s+(?:else\s+)?(?:should|can|could|do|must)\s+"
    r"(?:i|we|you|he|she|they|one)\s+(?:\w+\s+)?(?P<doing>do|eat|drink|take|try|use)\b",
    _I,
)


#: Doing asked that names what is done: what to eat or drink. "Do" names nothing, and what to
#: "take", "try" or "use" is said of anything ("Possible harms from taking aromatase
#: inhibitors ...").
_NAMED_DOING = frozenset({"eat", "drink"})


def doing_asked(question: str) -> frozenset[str]:
    """The terms of what the question asks to eat or drink, where it asks only that ("eat"
    in "what should i eat if i have gout"): a statement that says it ("Eating too many foods
    rich in purines ... can aggravate gout") speaks of the doing asked."""
    said = {m.group("doing").casefold() for m in _ANY_DOING.finditer(question)}
    return frozenset(terms(" ".join(sorted(said & _NAMED_DOING))))


#: A line of treatment asked ("What is the first-line treatment for ...?").
_LINE = re.compile(r"\b(first|second|third)[- ]line\b", _I)


def line_asked(question: str) -> str | None:
    """The line of treatment the question asks for ("first line" in "What is the
    first-line treatment for generalized anxiety disorder?"), if it asks for one: a
    statement that names that line gives it ("SSRIs ... are considered first-line
    pharmacotherapy")."""
    found = _LINE.search(question)
    return f"{found.group(1).lower()} line" if found else None


#: The care research is asked about: "the latest research on D-limonene as a treatment", "any
#: new treatment being studied", "new research and testing".
_RESEARCHED_CARE = frozenset({"management", "test"})


def _research_first(intents: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """Research asked on a treatment or a test comes first: the question asks what is being
    studied, not what is done now. Beside another kind of answer ("are there any researches
    indicating how early the signs appear?"), it is only how that kind is asked for."""
    names = [intent.name for intent in intents]
    if "research" not in names or names == ["research"]:
        return intents
    research = intents[names.index("research")]
    others = tuple(intent for intent in intents if intent is not research)
    return (research, *others) if _RESEARCHED_CARE.intersection(names) else others


def _purpose_first(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked what to do only in words that name no kind of care, and what for ("What can I
    do to prevent migraines?", "what can i eat to stop them coming back"), the purpose comes
    first: the question asks for prevention, not for treatment."""
    names = [intent.name for intent in intents]
    if "management" not in names or "prevention" not in names:
        return intents
    cues = [m.span() for m in intents[names.index("management")].asks.finditer(question)]
    doing = [m.span() for m in _ANY_DOING.finditer(question)]
    if not cues or not all(any(s <= a and b <= e for s, e in doing) for a, b in cues):
        return intents  # care named in its own words ("what medicines ..."): that care
    prevention = intents[names.index("prevention")]
    others = [intent for intent in intents if intent is not prevention]
    at = names.index("management")
    return (*others[:at], prevention, *others[at:])


#: Asking when someone is to have care ("When should a patient with melanoma have sentinel
#: lymph node biopsy?"): in which patients, more than at what time.
_WHEN_TO_HAVE = re.compile(
    r"\bwhen\s+(?:should|must|do|does|is|are|would)\s+(?:\w+\s+){0,6}?(?:have|get|receive|"
    r"undergo|be\s+(?:offered|given|treated|referred|considered\s+for))\b",
    _I,
)


def _indication_first(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked when someone should have care ("When should a patient with melanoma have
    sentinel lymph node biopsy?"), the question asks who is to have it (management, which
    reads "Offer sentinel lymph node biopsy to people with stage IB-IIC melanoma ..."),
    then at what time."""
    names = [intent.name for intent in intents]
    if "timing" not in names or "management" in names or not _WHEN_TO_HAVE.search(question):
        return intents
    at = names.index("timing")
    return (*intents[:at], _BY_NAME["management"], *intents[at:])


#: Asking what a result means ("What does a high TSH number mean on my blood test?").
_MEANING = re.compile(r"\bmean(?:s|ing)?\b", _I)
#: Asking which test ("Which test should be done ...?", "what blood tests ...").
_WHICH_TEST = re.compile(r"\b(?:which|what)\s+(?:[\w-]+\s+){0,2}?tests?\b", _I)


def _meaning_first(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked what a result means, its meaning comes before the test that gave it, which the
    question names only as where the result is from ("... on my blood test"), unless it
    asks which test too."""
    names = [intent.name for intent in intents]
    if not {"test", "interpretation"} <= set(names) or not _MEANING.search(question):
        return intents
    if _WHICH_TEST.search(question):
        return intents
    if names.index("interpretation") < names.index("test"):
        return intents
    meaning = intents[names.index("interpretation")]
    others = [intent for intent in intents if intent is not meaning]
    at = names.index("test")
    return (*others[:at], meaning, *others[at:])


def _with_workup(intents: tuple[Intent, ...], question: str) -> tuple[Intent, ...]:
    """Asked what to do about a result ("a mildly raised NSE: the best course of action?"),
    a further test is a course of action: the question asks for tests too, right after what
    to do. A result is a word of its own ("raised"), not part of a compound that names a kind
    of disease ("HER2-positive")."""
    names = [intent.name for intent in intents]
    if "test" in names or not {"management", "interpretation"} <= set(names):
        return intents
    if not any(_is_result(question, m) for m in _BY_NAME["interpretation"].asks.finditer(question)):
        return intents
    after = names.index("management") + 1
    return (*intents[:after], _BY_NAME["test"], *intents[after:])


#: Words naming people: a result word just before one describes them ("HIV positive
#: women"), it is not a result asked about.
_PEOPLE = cue(r"patients?\b", r"people\b", r"persons?\b", r"individuals?\b")


def _is_result(question: str, found: re.Match[str]) -> bool:
    """Whether a word of a result ("raised", "positive") is a result asked about: not part
    of a compound naming a kind of disease ("HER2-positive") nor a description of people
    ("HIV positive transgender women")."""
    if found.start() > 0 and question[found.start() - 1] == "-":
        return False
    following = question[found.end() :].split()[:3]
    return not any(
        _PEOPLE.match(w) or MALE.match(w) or FEMALE.match(w) or pattern.match(w)
        for w in following
        for pattern in POPULATIONS.values()
    )


def workup_asked(intents: Sequence[str]) -> bool:
    """Whether the question asks what to do about a result, so that a test answers it
    (_with_workup)."""
    return (
        bool(intents) and intents[0] == "management" and {"test", "interpretation"} <= set(intents)
    )


#: The two kinds of care a guideline, a section or a question is about, by the words that
#: name them in headings and titles: finding out (diagnosis, screening, tests) and doing
#: something about it (treating, managing). Prevention names both: screening is a
#: preventive service as much as a vaccine is.
CARE_KINDS: dict[str, re.Pattern[str]] = {
    "diagnosis": cue(
        r"diagnos",
        r"screen",
        r"detect",
        r"imaging",
        r"work-?up",
        r"tests?\b",
        r"testing",
        r"prevent",
        r"prophyla",
    ),
    "intervention": cue(r"treat", r"therap", r"manag", r"prevent", r"prophyla"),
}

#: The kind of care each kind of answer asks about; the others (a time, a threshold, a
#: check, the outlook, what something is) may be about either or neither.
_CARE_ASKED = {
    "management": "intervention",
    "prevention": "intervention",
    "dose": "intervention",
    "contraindication": "intervention",
    "test": "diagnosis",
    "interpretation": "diagnosis",
}


def care_asked(intents: Sequence[str]) -> str | None:
    """The one kind of care the question asks about, where every kind of answer it asks for
    is about that kind ("what initial therapy?": intervention); None otherwise."""
    kinds = {_CARE_ASKED.get(name) for name in intents}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def care_named(headings: Sequence[str], title: str) -> frozenset[str]:
    """The kinds of care a passage's place names: its deepest heading that names any ("How
    to diagnose X?", "Treatment of stage III"), else its document's title ("Diagnosis of
    obstructive sleep apnea in adults")."""
    for text in (*reversed(headings), title):
        named = frozenset(kind for kind, pattern in CARE_KINDS.items() if pattern.search(text))
        if named:
            return named
    return frozenset()


#: A question asking how often ("How often should ... have surveillance endoscopy?").
_HOW_OFTEN = re.compile(r"\bhow\s+(?:often|frequently)\b|\bhow\s+many\s+times\b", _I)
#: A time said as how often: "every 5 years", "annually", "twice a year", "3-monthly".
_FREQUENCY = re.compile(
    r"\bevery\b|\bannual|\byearly\b|\bmonthly\b|\bweekly\b|\bdaily\b|"
    r"\b(?:once|twice|\d+\s+times?)\s+(?:a|per|each)\b|\b\d+[- ](?:monthly|yearly|weekly)\b",
    _I,
)

#: Asked how long something lasts or takes ("how long does shingles pain last", "for how
#: long", "cuánto tiempo").
_HOW_LONG = re.compile(r"\bhow\s+long\b|\bduration\b|\bcu[aá]nto\s+tiempo\b", _I)
#: Asking how long until something, not how long it lasts: "How long after exposure do flu
#: symptoms appear?", "how long should I wait to get pregnant after a miscarriage".
_HOW_LONG_UNTIL = re.compile(r"\bhow\s+long\s+(?:after|before|until|till|since|ago)\b|\bwait", _I)
#: Spans of time named in words, with no number ("for weeks", "a few months", "a week").
_SPANS = r"(?:(?:a|one)\s+(?:day|week|month|year)|hours|days|weeks|months|years)"
#: How long something lasts or takes, said in words: "may last for weeks, months, or even
#: years", "clears up in a few weeks or months", "may take a few weeks to many months to
#: heal", "Symptoms last about a week"; not when it starts ("may start days or weeks after
#: the injury"), nor "for many years, scientists believed", nor "last" before a noun ("the
#: last few weeks of pregnancy").
#: Not a noun's "last" or "take": "the last few weeks of pregnancy", "your take on it".
_NOT_A_NOUNS = r"(?<!the )(?<!their )(?<!its )(?<!her )(?<!his )(?<!your )(?<!my )"
_SPAN_IN_WORDS = (
    _NOT_A_NOUNS + r"\b(?:last|take|heal|clear|persist|continu|linger|resolv|go(?:es)? away)\w*\s+"
    rf"(?:\w+\s+){{0,3}}?(?:(?:a few|several|many)\s+)?{_SPANS}\b"
)


#: Asked whether it can kill or how dangerous it is ("can you die from pneumonia", "is
#: sepsis deadly?", "is this disease dangerous?").
_DANGER_ASKED = cue(*_KILLS, r"dangerous", r"fatal", r"serious")
#: An outlook, or that it can end in death: "Pneumonia can range in seriousness from mild to
#: life-threatening", "Children with ... often die by age 3 from ...".
_OUTLOOK_OR_DANGER = re.compile(
    _BY_NAME["prognosis"].answers.pattern
    + r"|\b(?:life[- ]threatening|deadly|(?:die|dies|died)\s+(?:\w+\s+){0,4}?(?:from|of)\b)",
    _I,
)
#: A time asked as how long: any time, or a span said in words.
_SPAN_ASKED = re.compile(_BY_NAME["timing"].answers.pattern + "|" + _SPAN_IN_WORDS, _I)


def as_asked(intent: Intent, question: str) -> Intent:
    """The intent as the question asks it: a time asked as how often is given by how often
    ("every 5 years"), not by any time ("symptoms for less than 1 year"), and one asked as
    how long (not how long until: "How long after exposure do symptoms appear?") also by a
    span in words ("may last for weeks, months, or even years"); an
    outlook asked as whether it can kill is given also by a statement that it is
    life-threatening, not one asked as how long recovery takes; what something is, asked as
    what it is used for, is given by what it is used for (_USE_SAID), not by what it is."""
    if intent.name == "timing" and _HOW_OFTEN.search(question):
        return replace(intent, answers=_FREQUENCY)
    if intent.name == "timing" and _HOW_LONG.search(question):
        if _HOW_LONG_UNTIL.search(question):
            return intent  # how long until: a time, not how long something lasts
        return replace(intent, answers=_SPAN_ASKED)
    if intent.name == "prognosis" and _DANGER_ASKED.search(question):
        return replace(intent, answers=_OUTLOOK_OR_DANGER)
    if intent.name in {"definition", "general"} and _USE_ASKED.search(question):
        return replace(intent, answers=_USE_SAID)
    return intent


#: Asked what a medicine or a procedure is used for, not what it is: "what is metformin
#: used for", "what is lisinopril prescribed for", "what is the drug ondansetron used for"
#: (a few words between "what is" and "used", so not "what is used to treat ...", which asks
#: what to do).
_USE_ASKED = re.compile(
    r"\bwhat\s+(?:is|are)\s+(?:[\w'-]+\s+){1,5}?(?:used|prescribed|given)\s+(?:for|to\s+treat)\b",
    _I,
)
#: A statement that says what something is used for: "Metformin is used alone or with
#: other medications ... to treat type 2 diabetes", "Gabapentin capsules ... are used to
#: help control certain types of seizures", "Colonoscopy is a procedure to look inside the
#: rectum and colon for polyps ..."; its section too ("Who should get Gabapentin and
#: why is it prescribed?"), not how it is taken ("How should Gabapentin be used ...?"),
#: nor what it is not used for ("Metformin is not used to treat type 1 diabetes").
_USE_SAID = re.compile(
    r"\b(?:is|are)\s+(?:(?!not\b)[\w-]+\s+){0,3}?(?:used|prescribed|approved)\b"
    # what it is for, said by what it is: "Colonoscopy is a procedure to look inside ..."
    r"|\b(?:is|are)\s+an?\s+(?:[\w-]+\s+){0,2}?(?:procedure|test|exam|scan|treatment|"
    r"medicine|medication|drug|therapy)\s+(?:to|for)\s",
    _I,
)


def asks_use(intent: Intent) -> bool:
    """Whether an intent is what something is asked as its use (as_asked)."""
    return intent.answers is _USE_SAID


#: How long something lasts or takes, in words or in numbers: "may last for weeks, months,
#: or even years", "lasting 4-72 hours", "clears up within 2 to 4 weeks", "can take up to 6
#: weeks to heal", "usually lasts less than 5 minutes". The verb is whole (not "health",
#: "healthy", "clearly", "taken"), only words of a span stand between it and the number ("for
#: about", "up to", "less than"), and it is no noun's "last" ("her last 2 weeks of
#: pregnancy"); not a time to act ("Take antiviral medicine within 72 hours", "Take 1 tablet
#: every 8 hours", "see your healthcare provider within 72 hours"), nor a study's follow-up
#: ("persisted during the 6 months of follow-up").
_LASTS_VERB = (
    _NOT_A_NOUNS + r"(?<!our )(?<!a )"
    r"\b(?:last(?:s|ed|ing)?|takes|took|(?:can|may|might|will|could|often|usually|to) take|"
    r"heal(?:s|ed|ing)?|clear(?:s|ed|ing)?\s+up|persist(?:s|ed|ing)?|"
    r"continu(?:e|es|ed|ing)|linger(?:s|ed|ing)?|resolv(?:e|es|ed|ing)|"
    r"(?:go(?:es)?|gone|went)\s+away|recover(?:s|ed)?|improv(?:e|es|ed))\b"
)
_SPAN_WORD = (
    r"(?:for|about|around|approximately|roughly|up\s+to|(?:no\s+)?(?:less|more|longer|shorter)\s+"
    r"than|at\s+least|"
    r"at\s+most|between|from|only|usually|typically|generally|often|anywhere\s+from|within|"
    r"in|over|a\s+few|several|many|even|or)"
)
_COUNT = (
    r"(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|an|a\s+few|"
    r"several|many)"
)
_UNIT = r"(?:minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?)"
_LASTING = re.compile(
    _LASTS_VERB
    + rf"\s+(?:{_SPAN_WORD}\s+){{0,4}}"
    + rf"(?:{_COUNT}\s*(?:(?:-|–|to|and|or)\s*{_COUNT}\s*)?{_UNIT}|minutes|hours|days|weeks|"
    + r"months|years)\b"
    + r"(?![^.;]{0,30}?\bfollow-?up\b)",
    _I,
)


def says_how_long(intent: Intent, text: str) -> bool:
    """Whether a statement says how long something lasts or takes, where an intent is a time
    asked as how long (as_asked): "The pain of shingles may last for weeks, months, or even
    years ..." gives the value, and "see your healthcare provider within 72 hours" does
    not."""
    return intent.answers is _SPAN_ASKED and _LASTING.search(text) is not None


def asked_how_often(intent: Intent) -> bool:
    """Whether an intent is a time asked as how often (as_asked): only how often gives it,
    so a statement that does answers, as one that gives a dose does."""
    return intent.name == "timing" and intent.answers is _FREQUENCY


def intent_named(name: str) -> Intent:
    return _BY_NAME.get(name, GENERAL)
