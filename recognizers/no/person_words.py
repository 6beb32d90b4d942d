"""Word lists for :mod:`recognizers.no.person` (triggers, stop words), bokmål and nynorsk."""

from __future__ import annotations

from recognizers.no.person_speech import CHAT_ABBREVIATIONS, INTERJECTIONS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    "dr. dr doktor doctor lege legen fastlege fastlegen overlege overlegen lis turnuslege "
    "prof. professor hr. fru frue frk. herr adv. advokat lækjar lækjaren"
)
"""Titles; lower-case names may follow them (``dr. grøtte``)."""
HONORIFICS = _words("Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Sir Madam")
"""English honorifics, matched case-sensitively (``MR viser`` is an MRI scan)."""
ROLES = _words(
    "pasient pasienten pas. pt. patient sykepleier sykepleieren sjukepleiar sjukepleiaren spl. "
    "sykepleiar sykepleiaren sjukepleier sjukepleieren helsesjukepleiar spl sykepl "
    "jordmor fysioterapeut psykolog ergoterapeut helsesykepleier nurse beboer bebuar resident "
    "client klient tolk tolken kontaktperson primærkontakt verge vergen"
)
RELATIVES = _words(
    "datter dattera datteren dotter dottera sønn sønnen sonen son kona kone konen mann mannen "
    "ektemann ektemannen ektefelle ektefellen samboer samboeren sambuar mor mora moren far "
    "faren bror broren søster søsteren syster systera barnebarn barnebarnet venn venninne nabo "
    "naboen pårørende pårørande wife husband daughter mother father brother sister partner "
    "pappa mamma pappaen mammaen bestemora bestemoren bestefaren "
    "bestemor bestefar farmor mormor farfar morfar oldemor kjæreste kjæresten "
    "onkel tante fetter kusine svigermor svigerfar svigersønn svigerdatter gutten jenta "
    "vennen venninna venninnen barnet eldste yngste guten kollega kollegaen colleague "
    "friend neighbour neighbor grandmother grandfather grandson granddaughter uncle aunt cousin "
    "familien familie fam. barnebarnet søstera sambuaren samboaren kjerringa gubben "
    "minstemann yngstemann eldstemann lillebror storebror lillesøster storesøster veslebror "
    "kolega vertsmor vertsmora vertsmoren vertsfar vertsfaren"
)
PROFESSION_SUFFIXES = (
    "lege",
    "legen",
    "sykepleier",
    "sjukepleiar",
    "terapeut",
    "ingeniør",
    "student",
    "assistent",
    "farmasøyt",
    "sekretær",
    "koordinator",
    "vakt",
    "rådgiver",
    "kirurg",
    "fagarbeider",
    "pleier",
    "logen",
    "behandler",
    "veileder",
    "konsulent",
    "lærer",
    "praktor",
    "optiker",
    "pedagog",
    "sosionom",
    "kurator",
    "osteopat",
    "radiograf",
    "audiograf",
    "helsesøster",
    "arbeider",
    "lækjar",
    "lækjaren",
)
"""Word endings that make a profession (``kardiolog``: a word of 7+ letters ending in ``log``)."""
NOT_PROFESSIONS = _words("katalog dialog analog prolog epilog")


def is_profession(lowered: str) -> bool:
    """A word for a health or other profession (``kardiolog``, ``helsefagarbeider``)."""
    if lowered in NOT_PROFESSIONS:
        return False
    return lowered.endswith(PROFESSION_SUFFIXES) or (len(lowered) >= 7 and lowered.endswith("log"))


INTRODUCERS = _words("heter heiter navn namn name kalt mvh hilsen helsing regards signert sign.")
NAMING_WORDS = _words(
    "heter heiter het hette heitte hete heite kalles kalt navn namn name fornavn etternavn "
    "mellomnavn "
    "pasientnavn kallenavn givenname familyname firstname lastname first_name last_name surname "
    "fullname full_name "
    "staves stavet skrives spelled звати зовут звуть"
)
"""Introducers after which any lower-case word is taken as a name (``jeg heter andrii``,
``hun het sunniva``, ``det staves zayan`` once the spelled letters are joined)."""
INTRODUCER_PHRASES = frozenset(
    {
        ("jeg", "er"),
        ("eg", "er"),
        ("i", "am"),
        ("my", "name", "is"),
        ("this", "is"),
        ("best", "regards"),
        ("det", "er"),
        ("du", "er"),
        ("dette", "er"),
        ("det", "er", "meg"),
        ("her", "er"),
        ("æ", "e"),
        ("du", "må", "være"),
        ("du", "må", "vere"),
        ("det", "stemmer"),
        ("hei", "er", "det"),  # ``hei er det rojda``: a caller asked who answers
        ("hallo", "er", "det"),
        ("kom", "inn"),  # ``ja kom inn grâce``: called in from the waiting room
    }
)
CHAT_VERBS = _words("ringe ring ringer ringt ringte med og")
CHAT_PHRASES = frozenset(
    {
        ("snakke", "med"),
        ("snakka", "med"),
        ("snakker", "med"),
        ("snakkar", "med"),
        ("spør", "etter"),
        ("hilsen", "fra"),
    }
)
GAP_WORDS = _words(
    "til av min mi mitt vår hans hennes our my er din di ditt hennar your sin si sitt"
)
"""Words allowed between a trigger and the name (``kona til Per``, ``datter av KARI``,
``datter mi, Kari``, ``broren sin najibullah``,
``fastlegen er gunnhild ås``)."""
ROOMS = _words("rom seng sengeplass sal stue room bed")
"""Where a patient lies: a name follows the number (``Rom 6 Liv``, ``seng 4 kari``)."""
ABOUT = _words("angående vedrørende gjelder gjeld vedr. vedr ang. regarding")
"""Words that say whom a message is about (``angående sigrid nordhus``, ``Gjelder Yasmin
Osman``): a name follows, or an ordinary word (``gjelder timen``)."""
PARTICLES = _words(
    "van von de der den ten ter da di du dos das del dela delos la le el al bin ibn binti"
)
STREET_WORDS = frozenset({"gate", "gata", "vei", "veien", "veg", "vegen", "plass", "allé", "torg"})
AMBIGUOUS_FIRST_NAMES = frozenset(
    "per liv hans bo eli sol vår storm even mai august rose frank siv tor mark grace kim ask dag "
    "ida vil glad fin lang sten stein åse ben are cat kid money pretty major will may june deep "
    "sitting grande sony herren frøken guden hu li ban bat tun lund line mark grace love "
    "hope faith joy sunny tone gro dan don tom jo helga live mina dina saga kaia stig gard "
    "rosa eir jo".split()
)
"""First names that are also ordinary words: never taken without a title or relative."""

COMMON = frozenset(
    """
    dr dr. doktor overlege sykepleier sjukepleiar prof prof. hr. fru frk. herr

    og i på er det som en et å til av for med har de ikke at var jeg du han hun vi dere
    seg sin sitt sine meg deg oss dem kan skal vil må ble blir være vært fra om over under
    etter før nå da så men eller hvis når hvor hva hvem hvorfor hvordan også bare veldig
    litt mye mer mest noe noen ingen alle alt hele helt her der dit hit ut inn opp ned
    ikkje eg ho hu me dykk dei kva kven kvifor korleis no berre mykje meir nokon ingen heile
    saman sjølv difor frå òg heilt
    mi min mitt mine din di ditt dine vår vårt våre hans hennes deres sin dag uke natt
    i går i dag i morgen the and or of to in on at is are was were be been with for not
    this that it he she we they you my your his her their our hei hallo takk ja nei ok
    ringte ringer ring kommer kom går gikk sier sa fikk får tar tok ser så spør lurer
    lege legen sykehus sjukehus pasient pasienten time timen svar syk sjuk frisk jo
    ka kem kor koffor kossen dokker dokk tebake tibake gratulerer
    """.split()
)
STRUCTURAL = frozenset(
    {
        "Pasienten",
        "Pasient",
        "Legen",
        "Sykehus",
        "Sjukehus",
        "Avdeling",
        "Poliklinikk",
        "Legevakt",
        "Legevakta",
        "Journal",
        "Epikrise",
        "Henvisning",
        "Tilvising",
        "Oslo",
        "Norge",
        "Noreg",
        "Norway",
        "Mandag",
        "Tirsdag",
        "Onsdag",
        "Torsdag",
        "Fredag",
        "Lørdag",
        "Søndag",
        "Januar",
        "Februar",
        "Mars",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Desember",
        "Hb",
        "Crp",
        "Inr",
    }
) | frozenset(
    "SELECT FROM WHERE LIKE ILIKE AND OR NOT NULL INSERT INTO VALUES UPDATE SET DELETE JOIN "
    "LEFT RIGHT INNER OUTER ON ORDER GROUP BY HAVING LIMIT DISTINCT UNION BETWEEN EXISTS".split()
)
"""Capitalised structure words, and SQL keywords in capitals (``WHERE``, ``LIKE``): a query
pasted into a prompt is code, not a sentence where ``pasient WHERE`` introduces a name."""

GREETINGS = _words(
    "hei hallo heisann hallais hallaisen heia morn morna hi hello hey dear kjære hils helse"
)
"""Greetings; a name may follow (``ja hei svitlana``, ``Kjære Kari``, ``hils jerome``)."""
GREETING_PHRASES = frozenset(
    {("god", "morgen"), ("god", "dag"), ("god", "kveld"), ("god", "ettermiddag"), ("hei", "igjen")}
)
POINTING_PHRASES = frozenset({("han", "der"), ("hun", "der"), ("ho", "der"), ("hu", "der")})
"""``han der brekke``: spoken, a person pointed out by name (a known name or no ordinary word
follows; ``han der borte`` is a place)."""
NAMING_PHRASES = frozenset(
    {
        ("mitt", "er"),
        ("mitt", "navn", "er"),
        ("mitt", "namn", "er"),
        ("navnet", "mitt", "er"),
        ("namnet", "mitt", "er"),
        ("name", "is"),
        ("kaller", "han"),
        ("kaller", "ham"),
        ("kaller", "henne"),
        ("kaller", "ho"),
        ("kaller", "hu"),
        ("kaller", "meg"),
        ("kallar", "han"),
        ("kallar", "ho"),
        ("kallar", "meg"),
        ("kalles", "bare"),
        ("kallast", "berre"),
        ("call", "me"),
        ("alle", "sier"),
        ("alle", "seier"),
        ("alle", "sa"),
        ("everybody", "calls"),
    }
)
"""Introductions after which any lower-case word is a name (``navnet mitt er liv``), and
nicknames given (``alle kaller han toffen``, ``han kalles bare pelle``, ``men alle sier
vova``)."""
NICKNAME_PHRASES = frozenset(
    {
        ("bare", "si"),
        ("si", "bare"),
        ("berre", "sei"),
        ("sei", "berre"),
        ("han", "lille"),
        ("hun", "lille"),
        ("ho", "lille"),
        ("hu", "lille"),
        ("han", "vesle"),
        ("ho", "vesle"),
    }
)
"""``bare si skaiste``, ``han lille idris``: a short name or pet name follows, if a known name or
no ordinary word (``bare si ifra`` stays)."""
NAME_IS_PHRASES = frozenset(
    {("navn", "er"), ("namn", "er"), ("navnet", "er"), ("namnet", "er"), ("navnet", "ditt", "er")}
)
"""``navnet er …``: a name or a remark about one (``navnet er feil stavet``)."""
ASKS_FOR_NAME = _words(
    "navn navnet namn namnet etternavn etternavnet fornavn fornavnet heter heiter name "
    "navnet ditt navnet hans navnet hennes igjen da"
)
"""Words that end a question for a name (``og etternavnet igjen``): the answer on the next line
is the name."""
SIGNATURES = _words("mvh vh hilsen helsing regards signert sign.")
"""Signatures: a name follows (``mvh roya``, ``hilsen Kari``)."""
THANKS = _words("takk ok okei")
"""``takk rajkumar``: a name or an ordinary word may follow (``takk skal du ha``)."""
INSTITUTION_SUFFIXES = (
    "kontoret",
    "kontor",
    "vakten",
    "vakta",
    "vakt",
    "senteret",
    "senter",
    "klinikken",
    "klinikk",
    "sykehuset",
    "sjukehuset",
    "apoteket",
    "tjenesten",
    "tenesta",
    "avdelingen",
    "avdelinga",
    "posten",
    "mottaket",
    "sentralen",
    "hjemmet",
    "heimen",
)
"""Endings of institutions (``Legekontoret``, ``Hjemmetjenesten``): senders, never people."""
FILLERS = _words(
    "altså asså da eh ehm eeh øh øhm øhh hm hmm liksom sånn vel med. philos. scient. "
    "fortsatt fremdeles framleis kanskje visst egentlig eigentleg faktisk"
)
"""Spoken fillers and hedges skipped between a trigger and the name (``moren hans altså liv
ødegård``, ``hun het kanskje Tuva``,
``fastlegen din er det fortsatt krogh``), and the degree after a title (``Dr. med. Ketil
Bjørnå``)."""
SPEAKER_WORDS = _words(
    "speaker speaker_00 speaker_01 speaker_02 speaker_03 taler talar tolk intervjuer informant "
    "person deltaker behandler terapeut lege pasient pas pt l p s t i a b d m f k sp spl "
    "innringer innringeren innringar innringaren oppringer oppringar operatør operator amk "
    "amk-operatør sentral koordinator sekretær sekretæren resepsjon helsestasjon legevakt "
    "legevakta legevakten farmasøyt apotek caller dispatcher hjelpepleier hjelpepleiar "
    "helsefagarbeider kunde kontor "
    "ambulanse ambulansen mottak mottaket triage triagen fysio fysioen ekspedisjon "
    "ekspedisjonen behandlar forelder foreldre barn gravid kvinne "
    "hjemmesykepleien heimesjukepleien hjemmetjenesten heimetenesta heimetenesten"
)
"""Words that, with a colon at the start of a line, label a speaker (with titles, roles and
relatives): the word after the label is not a name because of the label. Besides people by
role, the services and teams that speak on a call or at a handover (``ambulanse:``,
``mottak:``, ``triage:``, ``heimesjukepleien:``), and parties by what they are in the
consultation (``forelder:``, ``barn:``, ``gravid:``)."""
DICTATION_WORDS = _words(
    "punktum komma kolon semikolon bindestrek tankestrek spørsmålstegn utropstegn parentes "
    "anførselstegn skråstrek linjeskift avsnitt"
)
"""Punctuation a clinician speaks when dictating, which speech-to-text writes out as words,
often capitalised (``Myklebust Punktum Atrieflimmer``): a sentence or phrase ends there."""
NOT_NAME_WORDS = (
    _words(
        "oppsummer oppsummér summarize summarise summary finn skriv lag lage translate oversett "
        "forklar vurder list lista liste sammenfatt gjennomgå sjekk beskriv analyser svar rewrite "
        "write explain extract create draft please "
        "epikrise epikrisen innkomststatus innkomstnotat anamnese funn vurdering konklusjon "
        "tiltak plan status diagnose diagnoser medikasjon medisiner notat journalnotat henvisning "
        "fornavn etternavn mellomnavn navn namn name pasientnavn brukernavn username user bruker "
        "født fødd fødselsdato fødselsnummer fnr alder kjønn adresse telefon tlf mobil epost "
        "e-post rom seng dato adv advokat ansv ansvarlig ssp hpr mrn fornamn etternamn "
        "ukjent unknown ingen none null n/a mangler "
        "hb crp inr alat asat ldh gt alp tsh ft4 egfr kreatinin hba1c bt ekg eeg mr ct rtg "
        "spo2 sao2 kols hiv adhd mrsa covid copd "
        "nedi uti inni oppi bortpå innpå nedpå oppå postboks id todo fixme"
    )
    | DICTATION_WORDS
    | INTERJECTIONS
    | CHAT_ABBREVIATIONS
)
"""Words never taken as (part of) a name, whatever their case: instructions to the model,
headings, field names, empty values (``Navn: tom``), lab or examination abbreviations,
spoken place adverbs (``aslaug nedi bakkane``), ``Postboks``, dictated punctuation,
interjections (``Oj``), chat abbreviations (``evt``, ``pga``) and code markers (``// TODO``)."""
EMPTY_VALUES = _words("tom ukjent unknown ingen none null n/a mangler - x ledig stengt vacant")
"""A field value that says "nothing here"; never a name on its own."""


ENGLISH_WORD_NAMES = frozenset(
    """
    april august autumn baker bell berry bill bishop black blue bond brook brown bush
    candy carter case cash chance chase christian church clay cook crown dale dawn day
    dean delta dock dove duke early echo faith field fisher ford forest fox frost gay
    gold golden good grace grant gray green grey guy hall hardy harmony haven hill holly
    honey hope house hunter iris ivy jade jewel joy judge july june justice king knight
    lake lane lark law lily long love lucky major march mark marsh mason may meadow
    miller mills moon moss nation new north ocean page park parker pearl penny person
    pierce pool porter power price prince queen rain ramp rich river robin rock rose
    ruby rush sage said salt scott sharp shore silver sky snow south spring star stone
    storm strong summer sunny sweet swift taylor temple true turner vale wall ward
    water west white wild will winter wise wood woods young
    """.split()
)
"""English words that are also given names or surnames (``ruby``, ``hope``, ``grant``,
``mason``): the name lists leave them out as words, and the English-turn test
(:mod:`recognizers.ner.english_turns`) keeps them as possible names."""
