"""Norwegian context words (bokmål and nynorsk, some English) per identifier.

An entry matches a lower-cased word that *starts with* it (``fødselsnummer`` matches
``fødselsnummeret``), unless it ends with ``$``, which asks for the whole word (``pass$``
must not match ``passer``). An entry with a space (``pasient id``) matches two adjacent words
exactly. Each part of a hyphenated compound counts too (``kontantkort-mobil`` matches
``mobil``). Finding the words around a candidate is :mod:`recognizers.no.context`'s job.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

_PARTS = re.compile(r"[-/]")


@dataclass(frozen=True, slots=True)
class ContextWords:
    """A set of context entries: prefixes, and whole words (written with a trailing ``$``)."""

    prefixes: tuple[str, ...]
    exact: frozenset[str]
    phrases: frozenset[str] = frozenset()
    needles: tuple[str, ...] = field(init=False, repr=False, compare=False)
    """Strings one of which must occur in a text for any entry to match (see might_occur)."""

    def __post_init__(self) -> None:
        needles = (*self.prefixes, *self.exact, *(p.split()[0] for p in self.phrases))
        object.__setattr__(self, "needles", needles)

    @classmethod
    def of(cls, *entries: str) -> ContextWords:
        """Build from entries: ``"fødselsnummer"`` (prefix), ``"pass$"`` (whole word),
        ``"pasient id"`` (two adjacent words)."""
        phrases = frozenset(e.rstrip("$") for e in entries if " " in e)
        words = [e for e in entries if " " not in e]
        prefixes = tuple(e for e in words if not e.endswith("$"))
        exact = frozenset(e[:-1] for e in words if e.endswith("$"))
        return cls(prefixes, exact, phrases)

    def matches(self, word: str) -> bool:
        """True when a normalised word, or a part of a hyphenated compound, is an entry; a
        column header of two words (``journal nr``) matches when it is a phrase entry."""
        if self._matches_one(word) or (" " in word and word in self.phrases):
            return True
        parts = _PARTS.split(word)
        return len(parts) > 1 and any(self._matches_one(p) for p in parts if p)

    def matches_any(self, words: list[str]) -> bool:
        """True when any word, or any two adjacent words, match."""
        if any(self.matches(w) for w in words if w):
            return True
        return bool(self.phrases) and any(
            f"{a} {b}" in self.phrases for a, b in itertools.pairwise(words)
        )

    def _matches_one(self, word: str) -> bool:
        return word in self.exact or word.startswith(self.prefixes)

    def might_occur(self, lowered_text: str) -> bool:
        """Cheap prefilter: could any entry occur in this (lower-cased) text at all?"""
        return any(entry in lowered_text for entry in self.needles)

    def entries(self) -> list[str]:
        """All entries as plain words (for Presidio's ``context`` attribute)."""
        return [*self.prefixes, *sorted(self.exact), *sorted(self.phrases)]


FODSELSNUMMER = ContextWords.of(
    *"""fødselsnummer fødselsnr fødselsnum f.nr fnr personnummer personnr pers.nr pnr d-nummer
    d-nr dnr$ h-nummer h-nr hjelpenummer hjelpenr fh-nummer fh-nr født fødd fødselsdato
    personidentifikator identitetsnummer id-nummer id-nr birth$ ssn$ national$ fodselsnummer
    fodselsnr fodt$ fodd$ fodselsdato""".split()
)
"""The last entries are the ASCII spellings of column names and JSON keys (``fodt``)."""
PERSONNUMMER = ContextWords.of("personnummer$", "personnummeret$", "personnr$", "pnr$")
"""Labels of the personnummer in its first sense: the five digits (individnummer and check
digits) after the birth date."""
CORRECTION = ContextWords.of(
    *"""nei$ vent$ unnskyld unnskyld$ beklager sorry$ feil$ mener$ meinte$ meiner$ rettelse
    korreksjon altså$ dvs$ eller$""".split()
)
"""Words that take back what was just said: ``…49237 nei vent 49233``."""
KONTONUMMER = ContextWords.of(
    *"""kontonummer kontonr konto bankkonto kto betal innbetal utbetal overfør account$
    bank""".split()
)
PHONE = ContextWords.of(
    *"""number called$ call$ calls$ reach$ reached$ cell$ text$ tlf telefon mob mobil ring sms
    tel$ phone kontakt nummer nås$ nåast$ treffes treffast pårørende pårørande varsle mobile
    whatsapp telefax$ direktenummer direktenr hovednummer sentralbord vakttelefon
    kontortelefon jobbtelefon hjemmetelefon msisdn$ mottaker$ recipient$""".split()
)
PHONE_LABELS = ContextWords.of("nr$", "nummer$", "nummeret$", "number$")
"""Weak phone words: a phone number's label only right before it, as whole words, and only
after nothing, a phone word or an owner (``mitt nr``, ``nytt nummer``) — ``Bilag nr``,
``pass nr`` and ``pasient-nr`` label something else."""
PHONE_LABEL_OWNERS = frozenset(
    """mitt mi min mine nytt ny nye hans hennes dens deres ditt di din sitt vårt vår eget egen
    samme gamle gammelt riktig korrekt rett dette det kontakt my new his her their your our
    the""".split()
)
EMAIL = ContextWords.of("e-post", "epost", "email", "e-mail", "mail")
ADDRESS = ContextWords.of(
    *"""adresse adr bor$ bur$ bosatt busett postadresse besøksadresse hjemmeadresse address
    lives bustad bolig flytta$ flyttet$ flytter$ flytte$ flyttar$ flytt$""".split()
)
POSTNUMMER = ContextWords.of("postnr", "postnummer", "poststed", "adresse", "post.nr")
POSTNUMMER_LABEL = ContextWords.of(
    *"postnr postnummer post.nr post-nr postkode zip postcode postalcode postal_code".split(),
    "post nr",
    "postal code",
)
"""Words that label four bare digits as a postnummer (no poststed needed)."""
LIVING = ContextWords.of("bor$", "bur$", "bodde$", "budde$", "bosatt", "busett")
RESIDENCE = ContextWords.of(*LIVING.prefixes, *(f"{word}$" for word in LIVING.exact), "flytt")
"""Living and moving: ``bor i 5009``, ``flyttet fra 8010`` name a place by its postnummer."""
MOVING = ContextWords.of(
    *"""gammel gamle$ gammal tidligere tidlegare forrige før$ ny$ nytt$ nye$ adresse adressa
    flytt bor$ bur$ bodde$ budde$ post""".split()
)
"""Words about an old or new address: with them, four bare digits in the postal region of a
postnummer just given are another postnummer (``… 8006 Bodø, gammel var 8010``)."""
APPOINTMENT = ContextWords.of(
    *"time$ timen$ timer$ timane$ kl klokka klokken avtale møte konsultasjon vakt".split()
)
"""Words that make four digits a time of day (``flytte timen til 1430``)."""
DATE_OF_BIRTH = ContextWords.of(
    *"""født fødd f.$ f.d.$ fødselsdato fødselsdag fdato f.dato dob$ born$ birth birthday
    fodt$ fodd$ fodselsdato dateofbirth date_of_birth d.o.b$ bursdag$ bursdagen$""".split()
)
DUF = ContextWords.of("duf", "udi$", "utlendingsdirektoratet", "asyl")
ORGNR = ContextWords.of(
    *"""org.nr orgnr org-nr org$ organisasjonsnummer organisasjonsnr foretaksnummer mva
    enkeltpersonforetak foretak firma""".split()
)
KID = ContextWords.of("kid", "kid-nr", "kid-nummer", "kidnr")
HPR = ContextWords.of(
    *"""hpr hpr-nr hpr-nummer hprnr helsepersonellnummer helsepersonellnr
    helsepersonell-nr""".split()
)
LICENSE_PLATE = ContextWords.of(
    *"""bil reg.nr regnr registreringsnummer kjennemerke skilt bilnummer kjøretøy køyretøy
    motorsykkel plate""".split()
)
PASSPORT = ContextWords.of(
    *"pass$ passet$ passnummer passnr pass-nr pass.nr passport reisedokument".split()
)
JOURNALNUMMER = ContextWords.of(
    *"""journalnr journalnummer journal-nr jnr$ pasientnr pasientnummer pasient-nr pas.nr
    pasient-id pasientid pid$ epikrisenr pasient_id patient_id j.nr pasnr pas-nr patientid
    patient-id mrn$ epj-nr epj-id løpenr løpenummer løpe-nr j-nr jour.nr journ.nr
    epjnr dips-nr dipsnr""".split(),
    "journal nr",
    "pasient id",
    "patient id",
    "pas id",
    "journal id",
    "hospital no",
    "hospital nr",
    "hospital number",
    "patient no",
    "patient number",
    "record no",
    "record number",
)
JOURNAL_COLUMN = ContextWords.of("journal$", "journalen$", "record$", "epj$")
"""Column headers that name a record number without saying *number* (``Journal`` above
``30218874``); in running text these words name the record itself, not its number."""
LOT_OR_ORDER = ContextWords.of(
    *"""lot batch ordre serienr serienummer bestillingsnr varenr art.nr artikkelnr produktnr
    referanse ref$""".split()
)
ORDER_NUMBER = ContextWords.of(
    *LOT_OR_ORDER.prefixes,
    *(f"{word}$" for word in sorted(LOT_OR_ORDER.exact)),
    *"""faktura kundenr kundenummer fakturanr polise avtalenr saksnr saksnummer order invoice
    pakke sending sporing tracking id$""".split(),
)
LABELLED_OTHERWISE = ContextWords.of(
    *ORDER_NUMBER.prefixes,
    *(f"{word}$" for word in sorted(ORDER_NUMBER.exact - {"id"})),
    *"""lotnr parti$ partinr partinummer rekvisisjon rekv ref.nr refnr sak$ saken$ prøvenr
    prøvenummer prøve-nr prøve$ analyse bilag kvittering pose$ posenr blodpose modell
    versjon""".split(),
)
"""Labels saying a number is a lot, batch, order, invoice, case, sample or other non-personal
number: right before a number they outweigh a phone, fødselsnummer or account reading
(see :func:`recognizers.no.context.labelled_otherwise`)."""
