"""Word lists for :mod:`recognizers.no.person` (triggers, stop words), bokmål and nynorsk."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    "dr. dr doktor doctor lege legen fastlege fastlegen overlege overlegen lis turnuslege "
    "prof. professor hr. fru frk. herr"
)
"""Titles; lower-case names may follow them (``dr. grøtte``)."""
HONORIFICS = _words("Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Sir Madam")
"""English honorifics, matched case-sensitively (``MR viser`` is an MRI scan)."""
ROLES = _words(
    "pasient pasienten pas. pt. patient sykepleier sykepleieren sjukepleiar sjukepleiaren spl. "
    "jordmor fysioterapeut psykolog ergoterapeut helsesykepleier nurse beboer bebuar resident "
    "client klient"
)
RELATIVES = _words(
    "datter dattera datteren dotter dottera sønn sønnen sonen son kona kone konen mann mannen "
    "ektemann ektemannen ektefelle ektefellen samboer samboeren sambuar mor mora moren far "
    "faren bror broren søster søsteren syster systera barnebarn barnebarnet venn venninne nabo "
    "naboen pårørende pårørande wife husband daughter mother father brother sister partner "
    "pappa mamma bestemor bestefar farmor mormor farfar morfar oldemor kjæreste kjæresten "
    "onkel tante fetter kusine svigermor svigerfar svigersønn svigerdatter gutten jenta "
    "vennen venninna venninnen barnet eldste yngste guten kollega kollegaen colleague "
    "friend neighbour neighbor grandmother grandfather grandson granddaughter uncle aunt cousin"
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
)
"""Word endings that make a profession (``kardiolog``: a word of 7+ letters ending in ``log``)."""
NOT_PROFESSIONS = _words("katalog dialog analog prolog epilog")
INTRODUCERS = _words("heter heiter navn namn name kalt mvh hilsen helsing regards signert sign.")
NAMING_WORDS = _words("heter heiter navn namn name kalt")
"""Introducers after which any lower-case word is taken as a name (``jeg heter andrii``)."""
INTRODUCER_PHRASES = frozenset(
    {
        ("jeg", "er"),
        ("eg", "er"),
        ("i", "am"),
        ("my", "name", "is"),
        ("this", "is"),
        ("best", "regards"),
        ("det", "er"),
        ("dette", "er"),
        ("det", "er", "meg"),
    }
)
CHAT_VERBS = _words("ringe ring ringer med og")
CHAT_PHRASES = frozenset(
    {("snakke", "med"), ("snakka", "med"), ("spør", "etter"), ("hilsen", "fra")}
)
GAP_WORDS = _words("til min mi mitt vår hans hennes our my")
"""Words allowed between a trigger and the name (``kona til Per``, ``datter mi, Kari``)."""
PARTICLES = _words("van von de der den ten ter da di du dos das del la le el al bin ibn binti")
STREET_WORDS = frozenset({"gate", "gata", "vei", "veien", "veg", "vegen", "plass", "allé", "torg"})
AMBIGUOUS_FIRST_NAMES = frozenset(
    "per liv hans bo eli sol vår storm even mai august rose frank siv tor mark grace kim ask dag "
    "ida vil glad fin lang sten stein åse ben are cat kid money pretty major will may june deep "
    "sitting grande sony herren frøken guden hu li ban bat tun lund line mark grace love "
    "hope faith joy sunny tone gro dan don".split()
)
"""First names that are also ordinary words: never taken without a title or relative."""

COMMON = frozenset(
    """
    dr dr. doktor overlege sykepleier sjukepleiar prof prof. hr. fru frk. herr

    og i på er det som en et å til av for med har de ikke at var jeg du han hun vi dere
    seg sin sitt sine meg deg oss dem kan skal vil må ble blir være vært fra om over under
    etter før nå da så men eller hvis når hvor hva hvem hvorfor hvordan også bare veldig
    litt mye mer mest noe noen ingen alle alt hele helt her der dit hit ut inn opp ned
    ikkje eg ho me dykk dei kva kven kvifor korleis no berre mykje meir nokon ingen heile
    mi min mitt mine din di ditt dine vår vårt våre hans hennes deres sin dag uke natt
    i går i dag i morgen the and or of to in on at is are was were be been with for not
    this that it he she we they you my your his her their our hei hallo takk ja nei ok
    ringte ringer ring kommer kom går gikk sier sa fikk får tar tok ser så spør lurer
    lege legen sykehus sjukehus pasient pasienten time timen svar syk sjuk frisk
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
)
