"""Norwegian context words (bokmål and nynorsk) and the look-around that finds them.

Context is matched on lower-cased words around a candidate, not on lemmas, so no NLP
pipeline is needed: an entry matches a word that *starts with* it (``fødselsnummer``
matches ``fødselsnummeret``), unless it ends with ``$``, which asks for the whole word
(``pass$`` must not match ``passer``). Punctuation around a word is ignored, dots inside
it are kept (``f.nr``, ``tlf.nr``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\s]+")
_EDGE_PUNCT = ",;:!?()[]{}\"'«»<>*=/\\|"


@dataclass(frozen=True, slots=True)
class ContextWords:
    """A set of context entries: prefixes, and whole words (written with a trailing ``$``)."""

    prefixes: tuple[str, ...]
    exact: frozenset[str]

    @classmethod
    def of(cls, *entries: str) -> ContextWords:
        """Build from entries such as ``"fødselsnummer"`` (prefix) or ``"pass$"`` (whole word)."""
        prefixes = tuple(e for e in entries if not e.endswith("$"))
        exact = frozenset(e[:-1] for e in entries if e.endswith("$"))
        return cls(prefixes, exact)

    def matches(self, word: str) -> bool:
        """True when a normalised word is one of the exact entries or starts with a prefix."""
        return word in self.exact or word.startswith(self.prefixes)

    def entries(self) -> list[str]:
        """All entries as plain words (for Presidio's ``context`` attribute)."""
        return [*self.prefixes, *sorted(self.exact)]


def _normalise(word: str) -> str:
    word = word.lower().strip(_EDGE_PUNCT)
    return word if word in {"f.", "f.d."} else word.rstrip(".").strip(_EDGE_PUNCT) or word


def words_before(text: str, start: int, count: int) -> list[str]:
    """Up to ``count`` normalised words ending right before ``start``, nearest last."""
    window = text[max(0, start - 20 * count) : start]
    return [_normalise(w) for w in _WORD.findall(window)[-count:]]


def words_after(text: str, end: int, count: int) -> list[str]:
    """Up to ``count`` normalised words starting right after ``end``, nearest first."""
    window = text[end : end + 20 * count]
    return [_normalise(w) for w in _WORD.findall(window)[:count]]


def context_near(
    text: str, span: tuple[int, int], words: ContextWords, *, before: int = 6, after: int = 3
) -> bool:
    """True when a context word occurs within ``before`` words before or ``after`` words after."""
    around = words_before(text, span[0], before) + words_after(text, span[1], after)
    return any(words.matches(w) for w in around if w)


FODSELSNUMMER = ContextWords.of(
    "fødselsnummer",
    "fødselsnr",
    "fødselsnum",
    "f.nr",
    "fnr",
    "personnummer",
    "personnr",
    "pers.nr",
    "pnr",
    "d-nummer",
    "d-nr",
    "dnr$",
    "h-nummer",
    "h-nr",
    "hjelpenummer",
    "hjelpenr",
    "fh-nummer",
    "fh-nr",
    "født",
    "fødd",
    "fødselsdato",
    "personidentifikator",
    "identitetsnummer",
    "id-nummer",
    "id-nr",
    "birth$",
    "ssn$",
    "national$",
)
KONTONUMMER = ContextWords.of(
    "kontonummer",
    "kontonr",
    "konto",
    "bankkonto",
    "kto",
    "betal",
    "innbetal",
    "utbetal",
    "overfør",
    "account$",
    "bank",
)
PHONE = ContextWords.of(
    "tlf",
    "telefon",
    "mob",
    "mobil",
    "ring",
    "sms",
    "tel$",
    "phone",
    "call$",
    "kontakt",
    "nummer",
    "nås$",
    "treffes",
    "pårørende",
    "pårørande",
    "varsle",
    "mobile",
)
EMAIL = ContextWords.of("e-post", "epost", "email", "e-mail", "mail")
ADDRESS = ContextWords.of(
    "adresse",
    "adr",
    "bor$",
    "bur$",
    "bosatt",
    "busett",
    "postadresse",
    "besøksadresse",
    "hjemmeadresse",
    "address",
    "lives",
    "bustad",
    "bolig",
)
POSTNUMMER = ContextWords.of("postnr", "postnummer", "poststed", "adresse", "post.nr")
DATE_OF_BIRTH = ContextWords.of(
    "født",
    "fødd",
    "f.$",
    "f.d.$",
    "fødselsdato",
    "fødselsdag",
    "fdato",
    "f.dato",
    "dob$",
    "born$",
    "birth",
    "birthday",
)
DUF = ContextWords.of("duf", "udi$", "utlendingsdirektoratet", "asyl")
ORGNR = ContextWords.of(
    "org.nr",
    "orgnr",
    "org-nr",
    "org$",
    "organisasjonsnummer",
    "organisasjonsnr",
    "foretaksnummer",
    "mva",
    "enkeltpersonforetak",
    "foretak",
    "firma",
)
KID = ContextWords.of("kid", "kid-nr", "kid-nummer", "kidnr")
HPR = ContextWords.of(
    "hpr",
    "hpr-nr",
    "hpr-nummer",
    "hprnr",
    "helsepersonellnummer",
    "helsepersonellnr",
    "helsepersonell-nr",
)
LICENSE_PLATE = ContextWords.of(
    "bil",
    "reg.nr",
    "regnr",
    "registreringsnummer",
    "kjennemerke",
    "skilt",
    "bilnummer",
    "kjøretøy",
    "køyretøy",
    "motorsykkel",
    "plate",
)
PASSPORT = ContextWords.of(
    "pass$",
    "passet$",
    "passnummer",
    "passnr",
    "pass-nr",
    "pass.nr",
    "passport",
    "reisedokument",
)
JOURNALNUMMER = ContextWords.of(
    "journalnr",
    "journalnummer",
    "journal-nr",
    "jnr$",
    "pasientnr",
    "pasientnummer",
    "pasient-nr",
    "pas.nr",
    "pasient-id",
    "pasientid",
    "pid$",
    "epikrisenr",
)
LOT_OR_ORDER = ContextWords.of(
    "lot",
    "batch",
    "ordre",
    "serienr",
    "serienummer",
    "bestillingsnr",
    "varenr",
    "art.nr",
    "artikkelnr",
    "produktnr",
    "referanse",
    "ref$",
)
