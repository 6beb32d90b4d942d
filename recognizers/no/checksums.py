"""Check-digit and date rules for Norwegian identifiers, each with its source.

Every function takes the identifier as a string of ASCII digits only (callers strip spaces,
dots and dashes first) and never raises on a wrong length: it returns ``False`` / ``None``.

Sources
-------
[FNR]   Skatteetaten, "Fødselsnummer" and fnrinfo.no "Beregning av kontrollsiffer": k1 with
        weights 3 7 6 1 8 9 4 5 2, k2 with weights 5 4 3 2 7 6 5 4 3 2 over the first ten
        digits; k = 11 - (sum mod 11), 11 -> 0, 10 -> the number is invalid.
[CENT]  matematikk.org, "Dagens system med individ- og kontrollnummer": century from the
        individnummer (000-499 1900s; 500-749 with YY >= 54 1855-1899; 500-999 with YY < 40
        2000s; 900-999 with YY >= 40 1940-1999).
[2032]  Skatteetaten, "Nye fødselsnummer og d-nummer fra 2032"
        (skatteetaten.no/deling/opplysninger/folkeregisteropplysninger/pid/): the new control
        calculation accepts 0, 1, 2 and 3 as the remainder where today only 0 is valid; gender
        and century are no longer encoded.
[DH]    fnrinfo.no "Oppbygging": D-nummer adds 4 to the first digit (day + 40); H-nummer adds 4
        to the third digit (month + 40); the old H-nummer form starts with 8 or 9.
[FH]    Norsk helsenett, "Felles hjelpenummer (FH-nummer)": first digit 8 or 9, no date,
        check digits as for fødselsnummer.
[SYN]   Norsk helsenett test data (month + 65) and Skatteetaten's Tenor test data
        (month + 80): synthetic identities that can never belong to a real person.
[DUF]   UDI, "DUF-nummer": 12 digits, year (4) + serial (6) + two control digits equal to the
        weighted sum of the first ten digits (weights 4 6 3 2 4 6 3 2 7 5) modulo 11.
[ORG]   Brønnøysundregistrene, "Organisasjonsnummer": 9 digits, modulus 11 with weights
        3 2 7 6 5 4 3 2.
[KONTO] Bits AS / Finans Norge "Kontonummer": 11 digits, modulus 11 with weights
        5 4 3 2 7 6 5 4 3 2 over the first ten (the FNR k2 weights).
[KID]   Nets / Mastercard Payment Services, "KID-spesifikasjon": 2-25 digits, last digit a
        modulus 10 (Luhn) or modulus 11 control digit ('-' for 10 in MOD11 is not used here).
[IBAN]  ISO 13616-1: move the first four characters to the end, letters to numbers
        (A = 10), the result modulo 97 must be 1. Norwegian IBAN: NO + 2 + 11-digit BBAN.
[HPR]   Helsedirektoratet HPR: 7-9 digits; a modulus 11 check with weights 2..7 from the right
        fits all published samples but is not confirmed by the registry, so it is only used
        to raise the score, never to reject.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass

_FNR_K1_WEIGHTS = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_FNR_K2_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_DUF_WEIGHTS = (4, 6, 3, 2, 4, 6, 3, 2, 7, 5)
_ORG_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def _digits(number: str, length: int) -> list[int] | None:
    if len(number) != length or not number.isascii() or not number.isdigit():
        return None
    return [int(c) for c in number]


def _weighted(digits: Sequence[int], weights: Sequence[int]) -> int:
    return sum(d * w for d, w in zip(digits, weights, strict=False))


def mod11_check_digit(digits: Sequence[int], weights: Sequence[int]) -> int | None:
    """The classic modulus-11 control digit [FNR]: 11 -> 0, 10 -> ``None`` (no valid digit)."""
    check = 11 - _weighted(digits, weights) % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def fnr_k1_remainder(number: str) -> int | None:
    """Weighted sum of digits 1-10 (k1 has weight 1) modulo 11; 0 = classic, 0-3 = 2032 [2032]."""
    digits = _digits(number, 11)
    if digits is None:
        return None
    return (_weighted(digits[:9], _FNR_K1_WEIGHTS) + digits[9]) % 11


def fnr_k2_valid(number: str) -> bool:
    """The second control digit, unchanged by the 2032 rule [FNR][2032]."""
    digits = _digits(number, 11)
    return digits is not None and mod11_check_digit(digits[:10], _FNR_K2_WEIGHTS) == digits[10]


@dataclass(frozen=True, slots=True)
class FnrVerdict:
    """Why an 11-digit number is a valid fødselsnummer-family identifier.

    ``features`` is empty for an ordinary fødselsnummer, otherwise a sorted tuple of
    ``d-nummer``, ``h-nummer``, ``fh-nummer``, ``synthetic-nhn``, ``synthetic-tenor``, ``2032``.
    """

    features: tuple[str, ...]

    @property
    def variant(self) -> str:
        """``ordinary`` or the features joined by ``+`` (e.g. ``d-nummer+synthetic-tenor``)."""
        return "+".join(self.features) if self.features else "ordinary"


def _fnr_month(month: int) -> tuple[int, str | None]:
    """Strip the H-nummer and synthetic offsets from the month field [DH][SYN]."""
    for offset, feature in ((80, "synthetic-tenor"), (65, "synthetic-nhn"), (40, "h-nummer")):
        if offset + 1 <= month <= offset + 12:
            return month - offset, feature
    return month, None


def fnr_centuries(individnummer: int, yy: int) -> tuple[int, ...]:
    """Possible birth centuries for the classic rule [CENT]; empty when the pair is unused."""
    if individnummer <= 499:
        return (1900,)
    if individnummer <= 749 and yy >= 54:
        return (1800,)
    if yy <= 39:
        return (2000,)
    if individnummer >= 900:
        return (1900,)
    return ()


def _date_exists(day: int, month: int, yy: int, centuries: Sequence[int]) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return any(day <= calendar.monthrange(c + yy, month)[1] for c in centuries)


def _degenerate(number: str) -> bool:
    """All-equal digits (``00000000000`` passes both checksums) or an empty FH body."""
    return len(set(number)) == 1 or (number[0] in "89" and set(number[1:9]) == {"0"})


def validate_fnr(number: str) -> FnrVerdict | None:
    """Validate an 11-digit fødselsnummer, D-, H-, FH-nummer or synthetic test number.

    Returns ``None`` when the check digits, the date or the layout rule out every variant.
    """
    remainder = fnr_k1_remainder(number)
    if remainder is None or remainder > 3 or not fnr_k2_valid(number) or _degenerate(number):
        return None
    features: list[str] = ["2032"] if remainder else []
    if number[0] in "89":
        return FnrVerdict(tuple(sorted([*features, "fh-nummer"])))
    day, month, yy = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:
        day -= 40
        features.append("d-nummer")
    month, month_feature = _fnr_month(month)
    if month_feature:
        features.append(month_feature)
    classic = () if remainder else fnr_centuries(int(number[6:9]), yy)
    centuries = classic or (1800, 1900, 2000)
    if not _date_exists(day, month, yy, centuries):
        return None
    return FnrVerdict(tuple(sorted(features)))


def fnr_date_plausible(number: str) -> bool:
    """Whether the first six digits of an 11-digit number can be a fødselsnummer's date: a
    real day (D-nummer: + 40) and month (H-nummer + 40, synthetic + 65 / + 80) in some century
    [DH][SYN]. Check digits are not looked at: this is for numbers that fail them."""
    if _digits(number, 11) is None:
        return False
    day, month, yy = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:
        day -= 40
    month, _ = _fnr_month(month)
    return _date_exists(day, month, yy, (1800, 1900, 2000))


def valid_duf(number: str) -> bool:
    """DUF-nummer: 12 digits, last two = weighted sum of the first ten mod 11 [DUF]."""
    digits = _digits(number, 12)
    if digits is None or not 1950 <= int(number[:4]) <= 2099:
        return False
    return _weighted(digits[:10], _DUF_WEIGHTS) % 11 == int(number[10:])


def valid_orgnr(number: str) -> bool:
    """Organisasjonsnummer: 9 digits starting with 8 or 9, modulus 11 [ORG]."""
    digits = _digits(number, 9)
    if digits is None or digits[0] not in (8, 9):
        return False
    return mod11_check_digit(digits[:8], _ORG_WEIGHTS) == digits[8]


def valid_kontonummer(number: str) -> bool:
    """Norwegian bank account number: 11 digits, modulus 11 [KONTO]."""
    digits = _digits(number, 11)
    if digits is None or len(set(number)) == 1:
        return False
    return mod11_check_digit(digits[:10], _FNR_K2_WEIGHTS) == digits[10]


def valid_luhn(number: str) -> bool:
    """Modulus 10 (Luhn) over all digits, the last being the control digit [KID]."""
    if not number.isascii() or not number.isdigit() or len(number) < 2:
        return False
    total = 0
    for i, char in enumerate(reversed(number)):
        d = int(char) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def valid_kid_mod11(number: str) -> bool:
    """KID with a modulus-11 control digit, weights 2..7 repeating from the right [KID]."""
    if not number.isascii() or not number.isdigit() or len(number) < 2:
        return False
    body = [int(c) for c in number[:-1]]
    weights = [2 + i % 6 for i in range(len(body))][::-1]
    return mod11_check_digit(body, weights) == int(number[-1])


def valid_kid(number: str) -> bool:
    """KID: 2-25 digits with a valid MOD10 or MOD11 control digit [KID]."""
    return 2 <= len(number) <= 25 and (valid_luhn(number) or valid_kid_mod11(number))


def valid_hpr(number: str) -> bool:
    """HPR-nummer plausibility (7-9 digits, modulus 11, weights 2..7 from the right) [HPR]."""
    if not number.isascii() or not number.isdigit() or not 7 <= len(number) <= 9:
        return False
    return valid_kid_mod11(number)


def valid_iban(iban: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN without spaces [IBAN]."""
    if len(iban) < 5 or not iban.isascii() or not iban.isalnum():
        return False
    rearranged = (iban[4:] + iban[:4]).upper()
    numeric = "".join(str(int(c, 36)) for c in rearranged)
    return int(numeric) % 97 == 1


def valid_norwegian_iban(iban: str) -> bool:
    """NO + 2 check digits + an 11-digit BBAN that is itself a valid kontonummer [IBAN][KONTO]."""
    compact = iban.replace(" ", "").upper()
    return (
        len(compact) == 15
        and compact.startswith("NO")
        and valid_iban(compact)
        and valid_kontonummer(compact[4:])
    )
