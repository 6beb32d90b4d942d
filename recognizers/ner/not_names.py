"""Words that look like names in clinical text but are not people.

A PERSON span is dropped when it is a known drug (``drug_names.txt`` and the list below),
microorganism, scoring system, company, hospital, greeting in a foreign language or log level;
when it is a genitive right before a disease or sign word (``Parkinsons sykdom``, ``Colles
fraktur``, ``McBurneys punkt``); when a street word follows it (``Kong Olavs gate``); or when
it is a key (``modul=kurve``, ``"pasient_id":``). A single word is also dropped when it is an
unseen drug brand by shape and context: a dose or a dosage form after it (``Catapresan 75
mikrogram``, ``Madopar depottablett``; said in words, ``niferex hundre milligram``, unless a
known name), a drug-stem ending (``-sartan``), a medication word
before it (``står på``, ``seponert``, ``bivirkninger av``), renewal or running out after it
(``Aricept fornyet``, ``Flutide er tom``) or a known drug next to it in a list (``Paracet og
Catapresan``). A person cue right before the word (``dr.``, ``fastlege``, ``pasient``) keeps
it a name, and a known first name is not taken for a drug or an eponym on context alone. The
context rules are deliberately conservative: a missed name leaks, a spared drug name only
costs the model some context.
"""

from __future__ import annotations

import re
from pathlib import Path

from recognizers.ner.english_turns import is_english_phrase
from recognizers.no.names import FIRST_NAMES, FIRST_NAMES_LISTED, SURNAMES, read_words
from recognizers.no.person_lexicon import is_number_word
from recognizers.no.person_markup import not_a_name_here
from recognizers.no.person_records import is_given_after_surname
from recognizers.no.person_words import AMBIGUOUS_FIRST_NAMES, NOT_NAME_WORDS, STREET_WORDS
from recognizers.no.places import is_health_unit, is_location

KNOWN_DRUGS: frozenset[str] = read_words(
    Path(__file__).resolve().parent / "drug_names.txt"
) | frozenset(
    """
    paracet paracetamol ibux ibuprofen albyl-e albyl marevan warfarin metformin eliquis
    xarelto pradaxa lixiana zyprexa sobril imovane voltaren humira oxynorm oxycontin concerta
    ritalin enbrel remicade stelara cosentyx ozempic wegovy victoza lantus novorapid humalog
    levaxin metoprolol selo-zok atacand cozaar lipitor crestor simvastatin furix burinex
    zopiklon stesolid valium tramadol nobligan pinex somac nexium losec afipran zofran
    kefzol keflex apocillin penicillin amoxicillin dalacin cipro ciprofloxacin diflucan
    prednisolon medrol solu-medrol fragmin klexane heparin insulin lyrica neurontin cipralex
    sertralin zoloft seroquel abilify risperdal lamictal keppra orfiril tegretol truxal
    comirnaty spikevax oxycodone oksykodon morfin morphine fentanyl kodein paralgin pinex
    ventoline ventolin atrovent spiricort pulmicort symbicort
    forte mite depot retard zoc
    """.split()
)
"""Drug and vaccine names, and the dosage words of brand names (``Pinex Forte``)."""
NOT_PEOPLE: frozenset[str] = KNOWN_DRUGS | frozenset(
    """
    monospot moderna pfizer astrazeneca novartis roche fürst unilabs
    klebsiella staphylococcus streptococcus escherichia enterococcus pseudomonas candida
    clostridium clostridioides helicobacter mycoplasma chlamydia legionella listeria
    salmonella campylobacter haemophilus neisseria proteus serratia acinetobacter coli
    apgar mallampati curb-65 chads-vasc cha2ds2-vasc nyha ecog karnofsky mini-mental mmse moca
    epds tinetti oswestry madrs nihss qsofa dudit gcs mews
    lasegue lachman romberg babinski phalen tinel mcmurray trendelenburg finkelstein
    spurling schober lhermitte kernig brudzinski rovsing homans
    rikshospitalet haraldsplass lovisenberg ullevål haukeland radiumhospitalet aker
    diakonhjemmet rosen celsius fahrenheit kelvin sunday monday tuesday wednesday thursday
    friday saturday bamse
    teams slack whatsapp messenger snapchat telegram viber skype zoom
    phone telephone birthdate dob
    amk puh pøh huff uff æsj jøss ka
    hooyo aabo ayeeyo gái trai
    dzien dzień dobry dobre dobryj cześć witam добрий добрый день доброго ранку вечір привіт
    привет здравствуйте дякую спасибо labas laba diena sveiki merhaba marhaba buorre beaivi
    bures bonjour hola salut ciao xin chào chao namaste vanakkam sawasdee kamusta ahoj szia tere
    kiitos tack danke merci gracias obrigado grazie ačiū aciu paldies aitäh köszönöm dziękuję
    good helo hullo evening morning got expected chatbot
    farsi dari pashto tigrinja tigrinya amharisk arabisk somali urdu punjabi kurdisk sorani
    kurmanji polsk litauisk latvisk russisk ukrainsk vietnamesisk tyrkisk persisk
    sorry okay okey yeah yep nope please thanks thank wow oops whoops damn shit fuck sure
    warn warning info error debug trace fatal notice critical http https ftp www
    sertraline fluoxetine escitalopram citalopram paroxetine venlafaxine duloxetine
    mirtazapine quetiapine olanzapine risperidone aripiprazole lamotrigine levetiracetam
    levothyroxine prednisone prednisolone amoxicillin acetaminophen morphine codeine
    oxycodone apixaban rivaroxaban clopidogrel furosemide zopiclone zolpidem
    caput cranii thorax abdomen collum pelvis columna cerebri cerebrum cruris femoris genu
    antebrachii humeri lumbalis cervicalis thoracalis sacrum coxae
    """.split()
)
"""Drugs, and words the model takes for names: microorganisms, scores, companies, hospitals,
greetings in the languages patients write in (``dzień dobry``, ``Добрий день``) and their
thanks (``kiitos``), the languages an interpreter is asked for (``Tolk Farsi``), the English
interjections Norwegians say (``hei eh sorry``, ``okay``), log
levels (``[WARN]``), URL schemes and the English spellings of common drugs; chat platforms
(``[Teams] Jon Lie``), English field names in capitals (``PHONE``), the emergency centre
(``AMK Bodø``), spoken interjections (``puh``, dialect ``ka skjer``) and kinship words of the
languages patients write in (Somali ``hooyo``, Vietnamese ``con gái``); Latin body regions
of an examination (``CT caput``, ``rtg thorax``)."""
NAME_WORDS: frozenset[str] = FIRST_NAMES | AMBIGUOUS_FIRST_NAMES
"""Lower-case words that may be first names, ``august`` and ``liv`` included."""
LISTED_NAME_WORDS = FIRST_NAMES_LISTED | AMBIGUOUS_FIRST_NAMES
""":data:`NAME_WORDS` without the US registers' first names: among 77,000 of them are the
eponyms of diseases (``Pfeiffers kjertelfeber``) and the names of places, which the eponym
test and the place rules (:mod:`recognizers.no.locations`) weigh a word against."""
_SPECIFIC_DISEASE_WORDS = (
    "sykdom|sjukdom|syndrom|lymfom|sarkom|parese|fenomen|tyreoiditt|kontraktur|dystrofi|"
    "disease|syndrome|lymphoma|palsy|phenomenon|encefalopati|nevralgi|neuropati|arteritt|"
    "artritt|kolitt|neuralgia|arteritis|colitis|dystrophy"
)
_DISEASE_WORDS = (
    f"{_SPECIFIC_DISEASE_WORDS}|tegn|fraktur|punkt|prøve|test|manøver|refleks|cyste|"
    "klassifikasjon|kriterier|skala|score|indeks|sign|fracture|point|reflex|scale|criteria|"
    "classification|operasjon|metode|mekanisme|reaksjon|diett|feber|kjertelfeber|anemi|demens|"
    "tumor|svulst|ulcus|kreft|cancer|leukemi|myelom|blokk|prosedyre|skår|lammelse|fever|anemia|"
    "dementia|tumou?r|ulcer|block|procedure|positiv|negativ|positive|negative|øsofagus|"
    "esophagus"
)
_EPONYM_NEXT = re.compile(rf"(?:\s|-)(?:{_DISEASE_WORDS})\b", re.IGNORECASE)
"""A disease word after a single word (``Babinski tegn``)."""
_GENITIVE_EPONYM_NEXT = re.compile(
    rf"(?:\s|-)[a-zæøå]*(?:{_DISEASE_WORDS})(?:en|et|a|ene|men)?\b", re.IGNORECASE
)
"""A disease word, inflected or at the end of a compound, after a genitive
(``Duchennes muskeldystrofi``, ``Crohns sykdommen``)."""
_STREET_NEXT = re.compile(
    r"[ \t](?:gate|gata|vei|veg|plass|allé|torg|bru|bakke|hospital|sykehus|sjukehus|klinikk|"
    r"skole|skule|kirke|kyrkje|minde|hus|senter|stiftelse|legesenter|apotek|poliklinikk|"
    r"poliklinikken|avdeling|avdelingen|avdelinga|seksjon|sengepost|legekontor|legekontoret)\b",
    re.IGNORECASE,
)
"""A street or institution word after a span, on the same line (``Lien gate``, ``Vik skole``;
a signature's next line ``Seksjon for …`` is not part of the name above it)."""
_SAINT_BEFORE = re.compile(r"(?:\bSt\.|\bSankt|\bSaint|\b[Mm]b\.|\b[Mm]orbus)\s$")
"""A saint's name is a place (``St. Olavs``); ``Mb.`` or ``morbus`` makes an eponym a disease
(``Mb. Scheuermann``)."""
_DISEASE_PART = re.compile(rf"(?:{_SPECIFIC_DISEASE_WORDS}|fraktur|fracture)\w{{0,4}}")
"""The last part of a hyphenated disease name (``Cauda equina-syndrom``)."""
_INSTITUTION_WORDS = frozenset(
    "hospital sykehus sjukehus sykehuset klinikk klinikken legesenter legesenteret apotek "
    "skole skule barnehage sykehjem sjukeheim scale skala score index indeks".split()
)
_INSTITUTION_SUFFIXES = (
    "klinikken",
    "klinikk",
    "sykehuset",
    "sjukehuset",
    "senteret",
    "hjemmet",
    "kontoret",
    "tjenesten",
    "tenesta",
    "sentralen",
    "avdelingen",
    "avdelinga",
    "mottaket",
)
"""Endings of one-word institutions (``Pasientkontoret``, ``Hjemmetjenesten``)."""
_UNIT_BEFORE = re.compile(
    r"(?:^|\s)[A-ZÆØÅ][a-zæøå]*(?:" + "|".join(_INSTITUTION_SUFFIXES) + r")\s$"
)
"""An institution right before a word: the word names its unit (``Hjemmetjenesten Sentrum``)."""
_LINE_OPENING = re.compile(r"[ \t\[\]\d.,:\-]*")
"""What may open a line before its first word: a time stamp, a list number."""
_IN_PLACE = re.compile(r"(?<!\w)i[ \t]\Z")
"""``i`` right before a word: where, not who (``i rana``)."""
_DWELL = frozenset("bor bur bodde budde buer flytta flyttet flytter flyttar ligger ligg".split())
"""Verbs of where one lives: ``bur framleis på hauge i vindafjord`` names a farm, not a person
(``venter på kari i oslo``)."""
_IN_NEXT = re.compile(r"[ \t]+i[ \t]+([^\W\d_]+)")


def _in_a_place(text: str, start: int, end: int, word: str) -> bool:
    """A lower-case place: the first word of a known ``X i Y`` (``mo i rana``); a known place
    after ``i`` (``i rana``); after ``på`` a known place that is no name (``på hemnes``), or,
    where one lives, a known place or a farm ``i`` a known place (``bur på hauge i
    vindafjord``; ``venter på kari i oslo`` is a person)."""
    after = _IN_NEXT.match(text, end)
    if after is not None and is_location(f"{word} i {after[1].lower()}"):
        return True
    if _IN_PLACE.search(text, max(0, start - 2), start):
        return is_location(word)
    if text[max(0, start - 4) : start] not in (" på ", "\npå ") and text[:start] != "på ":
        return False
    if is_location(word) and word not in NAME_WORDS and word not in SURNAMES:
        return True
    dwells = not _DWELL.isdisjoint(text[max(0, start - 40) : start - 3].lower().split()[-3:])
    return dwells and (is_location(word) or (after is not None and is_location(after[1])))


_GREETING_NAMES = frozenset("selam salam salaam salaan shalom".split())
"""Greetings that are also given names: a greeting when alone at the start of a line."""
_SUSPENDED = re.compile(r"\s+(?:og|eller|og/eller|and|or)\s", re.IGNORECASE)
_GENITIVE = ("s", "'s", "’s", "'", "’")
_EDGE = ".,;:()«»\"'"


def is_not_a_person(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, found as PERSON, is a term, eponym or street instead."""
    span = text[start:end]
    words = [w.strip(_EDGE).lower() for w in span.split()]
    if not words:
        return False
    return (
        _is_term_or_place(words)
        or is_english_phrase(text, start, end)
        or _is_key(text, end, words)
        or _is_eponym(span, words, text, end)
        or _is_scale(words, text, end)
        or (len(words) == 1 and _is_medication(text, start, end))
        or bool(_STREET_NEXT.match(text, end))
        or bool(_SAINT_BEFORE.search(text[max(0, start - 8) : start]))
        or _is_structure(text, start, end, words)
        or not_a_name_here(text, start, end)
    )


def _is_structure(text: str, start: int, end: int, words: list[str]) -> bool:
    """Not a person by its form or neighbours: the first part of a compound whose end is
    left for later (``Barne- og ungdomsklinikken``); a hyphenated examination (``arbeids-ekg``);
    a bot (``sladdbot``); the unit named after an institution (``Hjemmetjenesten Sentrum``);
    a known place in lower case after ``i`` or ``på`` (``mo i rana``, ``bur på hauge``);
    a greeting that is also a given name, alone at the start of a line (``Selam. …``)."""
    if text[start:end].endswith("-") and _SUSPENDED.match(text, end):
        return True
    last = words[-1]
    if "-" in last and last.rsplit("-", 1)[1] in NOT_NAME_WORDS:
        return True
    if len(words) != 1:
        return False
    word = words[0]
    known = word in NAME_WORDS or word in SURNAMES
    lower = text[start:end].islower()
    return (
        (word.endswith("bot") and not known and lower)
        or bool(_UNIT_BEFORE.search(text[max(0, start - 40) : start]))
        or (lower and _in_a_place(text, start, end, word))
        or _greeting_alone(text, start, end, word)
    )


def _greeting_alone(text: str, start: int, end: int, word: str) -> bool:
    """A greeting that is also a given name, alone at the start of a line (``Selam. …``)."""
    line_start = text.rfind("\n", 0, start) + 1
    return (
        word in _GREETING_NAMES
        and bool(_LINE_OPENING.fullmatch(text, line_start, start))
        and text[end : end + 1] in (".", "!", ",")
    )


_KEY_NEXT = re.compile(r"""=|["']\s*:""")


def is_not_a_place(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]``, found as a place, is a listed term (an agency, a scoring
    system, a microorganism), an eponym (``Barretts øsofagus``), a drug, or the given name of a
    ``Surname, Given`` pair (``Aune-Stokke, Henrik``) instead. Institution
    and street words are not checked: ``Vik skole`` still names a place."""
    span = text[start:end]
    words = [w.strip(_EDGE).lower() for w in span.split()]
    if not words or is_location(span) or is_health_unit(span):
        return False
    return (
        is_given_after_surname(text, start, end)
        or words[0] in _NOT_PLACES
        or words[-1] in _NOT_PLACES
        or _is_eponym(span, words, text, end)
        or _is_scale(words, text, end)
        or (len(words) == 1 and _is_medication(text, start, end))
    )


AGENCIES = frozenset(
    """helfo nav pasientreiser helsenorge helsedirektoratet fhi folkehelseinstituttet
    skatteetaten udi lånekassen husbanken""".split()
)
"""Public agencies the model takes for places (``dekkes av Pasientreiser``)."""
_NOT_PLACES = NOT_PEOPLE | AGENCIES


def _is_key(text: str, end: int, words: list[str]) -> bool:
    """A key of ``key=value`` or JSON (``modul=kurve``, ``"pasient_id": …``), unless it holds
    a known name (``{"Kari Nordmann": …}``)."""
    return bool(_KEY_NEXT.match(text, end)) and not any(
        w in NAME_WORDS or w in SURNAMES for w in words
    )


def _is_term_or_place(words: list[str]) -> bool:
    """A listed term, a name of an institution or street (``Sophies Minde``), or a disease
    named with a hyphen (``Cauda equina-syndrom``)."""
    if words[0] in NOT_PEOPLE or words[-1] in NOT_PEOPLE:
        return True
    if len(words) == 1 and words[0] in AGENCIES:  # ``Rådgiver, Pasientreiser``
        return True
    if words[-1] in _INSTITUTION_WORDS or words[-1] in STREET_WORDS:
        return True
    if "-" in words[-1] and _DISEASE_PART.fullmatch(words[-1].rsplit("-", 1)[1]):
        return True
    if len(words) >= 2 and words[-1] == "minde" and words[-2].endswith(_GENITIVE):
        return True
    return len(words) == 1 and words[0].endswith(_INSTITUTION_SUFFIXES)


SCALES = frozenset(
    "barthel borg berg braden norton waterlow wells rankin bishop katz lawton tinetti "
    "oswestry glasgow geneva gleason breslow clark".split()
)
"""Clinical scores and scales named after people, read as a value when a score follows
(``Barthel 45``, ``Borg 13-15``, ``Braden skår 14``)."""
_SCORE_NEXT = re.compile(
    r"[ \t]*(?:-?(?:skår|score|indeks|index|skala|scale|sum|poeng)[ \t]*)?[:=]?[ \t]*"
    r"(?:\d|([^\W\d_]+))",
    re.IGNORECASE,
)
"""A score after a scale: a digit, or a number said as a word (group 1)."""
_AGE_NEXT = re.compile(r"[\d\s]*(?:år|års|åring|y\b|years|yo\b|m\b|mnd|måneder)", re.IGNORECASE)


def _is_score_word(lowered: str) -> bool:
    return lowered == "ein" or is_number_word(lowered)  # nynorsk ``ein`` is no number word there


def _is_scale(words: list[str], text: str, end: int) -> bool:
    """A clinical scale named after a person, with its score after it (``Barthel 45``; not
    an age, ``Berg 45 år``)."""
    if len(words) != 1 or words[0] not in SCALES:
        return False
    score = _SCORE_NEXT.match(text, end)
    said = None if score is None else score[1]
    if score is None or (said is not None and not _is_score_word(said.lower())):
        return False
    return not _AGE_NEXT.match(text, score.end() - 1)


def _is_eponym(span: str, words: list[str], text: str, end: int) -> bool:
    """A genitive or single word before a disease or sign word; a known first name only
    before a word that names a disease (``Karis operasjon`` is Kari's operation)."""
    bare = words[0].removesuffix("s").rstrip("'’")
    if len(words) == 1 and (words[0] in LISTED_NAME_WORDS or bare in LISTED_NAME_WORDS):
        return bool(re.match(rf"\s(?:{_SPECIFIC_DISEASE_WORDS})\b", text[end:], re.IGNORECASE))
    if span.endswith(_GENITIVE) and _GENITIVE_EPONYM_NEXT.match(text, end):
        return True
    return len(words) == 1 and bool(_EPONYM_NEXT.match(text, end))


_DRUG_SUFFIXES = tuple(
    "mab pril sartan statin olol azol cillin mycin micin cyklin floxacin floksacin xacin zepam "
    "azepam zolam xetin oxetin pram tidin prazol gliptin gliflozin parin tiazid semid dronat "
    "toin lukast triptan vudin navir tinib anib ciklovir kain cain pentin grel grelor glutid "
    "azole prazole tidine xetine apine".split()
)
"""International non-proprietary name stems no Norwegian or immigrant name ends with
(``toin``: fenytoin, nitrofurantoin)."""
_DOSE_NEXT = re.compile(
    r"(?:\s+(?:forte|mite|depot|retard|zoc|comp))?,?\s*\(?\d+(?:[.,]\d+)?\s*(?:mg|g|ml|mikrogram|µg|mcg|ie|iu|mmol|mg/ml|%|tabl|"
    r"tablett(?:er)?|kapsl(?:er)?|dråper|pust|doser)\b",
    re.IGNORECASE,
)
_FORM_NEXT = re.compile(
    r"\s+(?:x\s?\d|\d+\s?x\s?\d|(?:depot|smelte|bruse|tygge)?tablett(?:er)?\b|tbl\b|"
    r"kapsel\b|kapsler\b|mikstur\b|injeksjon\b|infusjon\b|inj\.|inf\.|i\.v\.|i\.m\.|s\.c\.|"
    r"p\.o\.|iv\b|supp\b|stikkpille\b|plaster\b|inhalasjon\b|ved behov\b|v\.b\.|mikrogram\b)"
)
"""A dosage form, route or frequency after a drug (case-sensitive: ``Kristian IV`` is a king)."""
_MEDICATION_BEFORE = frozenset(
    "dose dosen medisinen medikamentet preparatet legemiddelet tablett tabletter tbl seponert "
    "antibiotika antibiotikum "
    "seponere seponerer seponeres take takes taking took prescribed dispensed".split()
)
"""Words a drug follows and a name does not."""
_MEDICATION_VERBS = frozenset(
    "ta tar tok tatt fikk fekk får fått gitt gis bruker brukar startet starta starter økt "
    "auka økte redusert trappet byttet endret fortsetter".split()
)
"""Verbs a drug follows, but also a name in the subject slot of a Norwegian main clause
(``I dag fikk Ahmed besøk``): they count only when the word ends its phrase."""
_MEDICATION_PHRASES = (
    ["dose", "of"],
    ["står", "på"],
    ["stod", "på"],
    ["sto", "på"],
    ["bivirkning", "av"],
    ["bivirkninger", "av"],
    ["bivirkningar", "av"],
    ["effects", "of"],
    ["resepten", "på"],
    ["resept", "på"],
    ["reseptar", "på"],
    ["resepter", "på"],
)
"""Two words a drug follows (``bivirkninger av Catapresan``)."""
_SUPPLY_NEXT = re.compile(
    r"\s+(?:fornyet|fornya|fornyes|forny|(?:er|var)\s+(?:tom|tomt|slutt|oppbrukt|brukt opp))\b"
)
"""What is said of a drug and not of a person: renewed, or run out (``trenger Aricept
fornyet``, ``Flutide er tom``)."""
_PHRASE_END_NEXT = re.compile(
    r"\s*(?:[.,;:)!?]|$|\s(?:og|eller|ved|mot|pga\.?|x|kl\.?|når|hvis|om|fordi|mens|men|sammen)"
    r"(?:\s|$))"
)
_LIST_AFTER = re.compile(r"\s*(?:[,/]|\s(?:og|eller|and|or))\s+([\w-]+)")
_MEDICATION_HEADING = re.compile(
    r"\b(?:legemiddel|legemidler|medisin|medikament|medication|faste medisin)\w*\s*:", re.IGNORECASE
)
"""A medication list heading earlier on the line (``Legemiddelliste: Vallergan, ...``)."""
_FROM_TO_AFTER = re.compile(r"\s+til\s+([\w-]+)")
_CONJUNCTIONS = frozenset({"og", "eller", "and", "or", "/"})
PERSON_CUES = frozenset(
    "dr dr. doktor lege legen fastlege fastlegen overlege pasient pasienten pas pas. pt. "
    "patient heter heiter sykepleier sykepleieren spl. "
    "jordmor herr fru frk. mr mr. mrs mrs. ms ms. datter dotter sønn sonen kona mannen mor far "
    "bror søster pårørende pårørande kontaktperson signert sign. hilsen mvh".split()
)
"""Words right before a name: a title, role, relative, introduction or name label."""
PERSON_CUE_ENDINGS = ("lege", "legen", "pleier", "pleiar", "terapeut")
"""Endings of role words (``Henvisende lege``, ``Fysioterapeut``)."""
_NAME_LABEL_ENDINGS = ("navn", "namn", "name")


def after_person_cue(text: str, start: int) -> bool:
    """Is the word before ``start`` a person cue? A name label counts only as a label
    (``Etternavn: Strand``, not the table heading ``Etternavn Fornavn``); a cue on the line
    before only as a label (``Pasient:`` above the name, not the heading ``ny pasient``)."""
    window = text[max(0, start - 40) : start]
    if "\n" in window.rstrip(" \t") and not window.rstrip().endswith(":"):
        window = window[window.rindex("\n") + 1 :]
    before = window.lower().split()
    raw = before[-1] if before else ""
    previous = raw.strip("(:,")
    if previous.endswith(_NAME_LABEL_ENDINGS):
        return raw.endswith(":")
    return previous in PERSON_CUES or previous.endswith(PERSON_CUE_ENDINGS)


def _is_medication(text: str, start: int, end: int) -> bool:
    """A single word that is a drug by its dose, ending, or the words around it."""
    if after_person_cue(text, start):
        return False
    before = text[max(0, start - 40) : start].lower().split()
    word = text[start:end].strip(_EDGE).lower()
    if _DOSE_NEXT.match(text, end) or _FORM_NEXT.match(text, end):
        return True
    if word in NAME_WORDS:
        return False
    if _spoken_dose_next(text, end):  # ``niferex hundre milligram``, not ``ola to tabletter``
        return word not in SURNAMES
    previous = before[-1].strip(".,:;(") if before else ""
    return (
        word.endswith(_DRUG_SUFFIXES)
        or previous in _MEDICATION_BEFORE
        or before[-2:] in _MEDICATION_PHRASES
        or bool(_SUPPLY_NEXT.match(text, end))
        or (previous in _MEDICATION_VERBS and bool(_PHRASE_END_NEXT.match(text, end)))
        or _listed_with_drugs(text, start, end)
        or bool(_MEDICATION_HEADING.search(text, text.rfind("\n", 0, start) + 1, start))
    )


_SPOKEN_UNITS = frozenset(
    "milligram milligrammet mg gram mikrogram milliliter ml enheter einingar tablett tabletter "
    "tablettar kapsel kapsler kapslar doser dosar dråper dropar pust drag".split()
)
"""Units of a dose said in words (``niferex hundre milligram``, ``to doser``)."""
_SPOKEN_DOSE_PARTS = frozenset({"komma", "og", "halv", "halvannen"})
"""Words inside a dose said in words besides the numbers (``to komma fem``)."""
_MAX_SPOKEN_DOSE_WORDS = 5
_NEXT_WORDS = re.compile(r"[\s,]*([^\W\d_]+)")


def _spoken_dose_next(text: str, end: int) -> bool:
    """Is the word followed by a dose said in words: number words then a unit (``hundre
    milligram``, ``to komma fem milligram``, ``en tablett``)?"""
    for numbers in range(_MAX_SPOKEN_DOSE_WORDS + 1):
        word = _NEXT_WORDS.match(text, end)
        if word is None:
            return False
        lowered = word.group(1).lower()
        if lowered in _SPOKEN_UNITS:
            return numbers > 0
        if not (is_number_word(lowered) or lowered in _SPOKEN_DOSE_PARTS):
            return False
        end = word.end()
    return False


def _listed_with_drugs(text: str, start: int, end: int) -> bool:
    """A known drug next to the word in a list (``Paracet og Catapresan``, ``Ibux,
    Catapresan``, ``fra Ibux til Vallergan``) or right before it (``Pinex Forte``)."""
    tokens = text[max(0, start - 40) : start].split()
    neighbours = []
    if tokens and (tokens[-1][-1].isalnum() or tokens[-1][-1] in ",/"):
        neighbours.append(tokens[-1])
    if len(tokens) >= 2 and (
        tokens[-1] in _CONJUNCTIONS or (tokens[-1] == "til" and "fra" in tokens[-5:-2])
    ):
        neighbours.append(tokens[-2])
    after = _LIST_AFTER.match(text, end)
    if after is None and tokens[-1:] == ["fra"]:
        after = _FROM_TO_AFTER.match(text, end)
    if after is not None:
        neighbours.append(after.group(1))
    return any(map(_is_drug_word, neighbours))


def _is_drug_word(word: str) -> bool:
    lowered = word.strip(_EDGE + "/").lower()
    return lowered in KNOWN_DRUGS or (
        len(lowered) > 5 and lowered.endswith(_DRUG_SUFFIXES) and lowered not in NAME_WORDS
    )
