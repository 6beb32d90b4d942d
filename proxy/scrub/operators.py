"""sladd's policy actions as presidio-anonymizer operators, and the pass that runs them.

Each action is an :class:`OperatorConfig` naming a Presidio operator:

=============  =====================================================================
action         operator
=============  =====================================================================
pseudonymise   ``sladd_pseudonym`` (:class:`VaultPseudonym`; ``block`` too)
redact         Presidio's ``replace`` with ``[REDACTED_<LABEL>]`` (its ``redact`` deletes
               the value, which leaves the model a sentence with a hole)
mask           Presidio's ``mask``: every character ``*``
hash           Presidio's ``hash``: SHA-256 of the value as written and the scope's salt
shift          ``sladd_shift`` (:class:`ShiftDate`)
generalise     ``sladd_generalise`` (:class:`Generalise`)
allow          not run: Presidio's ``keep`` would give the value back as it is
=============  =====================================================================

The operators are synchronous and the vault is not, so the caller
(:func:`proxy.scrub.pseudonymise.apply_decisions`) resolves every vault-backed input first —
token numbers, the scope's date offset and hash salt — and then :func:`rewrite` runs the
operators once over a text, and they only look those inputs up.

:func:`rewrite` calls the operators itself rather than through Presidio's
``AnonymizerEngine``. The engine did the same work at about twice the cost of the step
(README, "Speed": the policy step per request) because it re-does what sladd's policy has
already done — sorting, and merging intersecting results, results of one type a space apart
and results contained in others (:func:`proxy.detection.findings.merge_clusters` settled
overlaps before) — and copies the text once per result. What pays is kept: Presidio's
operator vocabulary, its operator factory and its ``replace``, ``mask`` and ``hash``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from presidio_anonymizer.entities import InvalidParamError, OperatorConfig
from presidio_anonymizer.operators import Operator, OperatorsFactory, OperatorType

from proxy.scrub.tokens import TokenFormat
from recognizers.no.date_forms import shift

MASK_CHAR = "*"
_EVERY_CHARACTER = 2**31
"""``chars_to_mask`` for Presidio's ``mask``: more than any value has (it takes the min)."""
HASH_TYPE = "sha256"


class VaultPseudonym(Operator):
    """The vault's token for the value: ``[PERSON_1]``.

    Params: ``numbers`` (``(label, value as written) -> number``, resolved from the vault
    before the engine runs: :attr:`proxy.scrub.pseudonymise.ScopeNumbers.resolved`),
    ``label`` and ``token_format``.
    """

    NAME = "sladd_pseudonym"

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """The token of ``text``; a value nobody resolved is an error (never a guess)."""
        assert params is not None
        number = params["numbers"].get((params["label"], text))
        if number is None:
            raise InvalidParamError(f"no pseudonym was resolved for this {params['label']} value")
        token_format: TokenFormat = params["token_format"]
        return token_format.render(params["label"], number)

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """The lookup table, a label and a token format."""
        params = params or {}
        if not isinstance(params.get("numbers"), Mapping):
            raise InvalidParamError("sladd_pseudonym needs the resolved numbers")
        if not isinstance(params.get("label"), str):
            raise InvalidParamError("sladd_pseudonym needs a token label")
        if not isinstance(params.get("token_format"), TokenFormat):
            raise InvalidParamError("sladd_pseudonym needs a token format")

    def operator_name(self) -> str:
        """``sladd_pseudonym``."""
        return self.NAME

    def operator_type(self) -> OperatorType:
        """An anonymizer."""
        return OperatorType.Anonymize


class ShiftDate(Operator):
    """The date moved by the scope's offset, in the form it is written in.

    Params: ``days`` (the offset, :func:`proxy.scrub.date_shift.scope_offset`). The caller
    gives only dates that can move (:func:`can_shift`); others are pseudonymised.
    """

    NAME = "sladd_shift"

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """``text`` moved by ``days``."""
        assert params is not None
        moved = shift(text, params["days"])
        if moved is None:
            raise InvalidParamError("sladd_shift was given a date it cannot move")
        return moved

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """A whole number of days."""
        days = (params or {}).get("days")
        if not isinstance(days, int) or isinstance(days, bool):
            raise InvalidParamError("sladd_shift needs the offset in whole days")

    def operator_name(self) -> str:
        """``sladd_shift``."""
        return self.NAME

    def operator_type(self) -> OperatorType:
        """An anonymizer."""
        return OperatorType.Anonymize


class Generalise(Operator):
    """The policy's coarser text for the value (``over 89 år``).

    Params: ``rewrite``, written by :meth:`proxy.scrub.policy.Policy.decide`
    (:func:`recognizers.no.age_policy.generalise_age`), which knows the age's threshold.
    """

    NAME = "sladd_generalise"

    def operate(self, text: str, params: dict[str, Any] | None = None) -> str:
        """The policy's text."""
        assert params is not None
        rewrite: str = params["rewrite"]
        return rewrite

    def validate(self, params: dict[str, Any] | None = None) -> None:
        """A text."""
        if not isinstance((params or {}).get("rewrite"), str):
            raise InvalidParamError("sladd_generalise needs the policy's text")

    def operator_name(self) -> str:
        """``sladd_generalise``."""
        return self.NAME

    def operator_type(self) -> OperatorType:
        """An anonymizer."""
        return OperatorType.Anonymize


def _operators() -> dict[str, Operator]:
    factory = OperatorsFactory()  # type: ignore[no-untyped-call]  # its __init__ is unannotated
    for operator in (VaultPseudonym, ShiftDate, Generalise):
        factory.add_anonymize_operator(operator)
    names = (*PRESIDIO_OPERATORS, VaultPseudonym.NAME, ShiftDate.NAME, Generalise.NAME)
    return {name: factory.create_operator_class(name, OperatorType.Anonymize) for name in names}


PRESIDIO_OPERATORS = ("replace", "mask", "hash", "keep")
"""The Presidio operators sladd's actions use (``keep`` is what ``allow`` means; it is not run)."""
OPERATORS = _operators()
"""Each operator by its Presidio name, created once by Presidio's own operator factory."""


def pseudonym_config(
    numbers: Mapping[tuple[str, str], int], label: str, token_format: TokenFormat
) -> OperatorConfig:
    """:class:`VaultPseudonym` for values of ``label`` resolved in ``numbers``."""
    params = {"numbers": numbers, "label": label, "token_format": token_format}
    return OperatorConfig(VaultPseudonym.NAME, params)


def redact_config(stand_in: str) -> OperatorConfig:
    """Presidio's ``replace`` with ``stand_in`` (``[REDACTED_PERSON]``)."""
    return OperatorConfig("replace", {"new_value": stand_in})


def hash_config(salt: bytes) -> OperatorConfig:
    """Presidio's ``hash`` keyed with ``salt`` (at least 16 bytes; Presidio checks)."""
    return OperatorConfig("hash", {"hash_type": HASH_TYPE, "salt": salt})


def shift_config(days: int) -> OperatorConfig:
    """:class:`ShiftDate` by ``days``."""
    return OperatorConfig(ShiftDate.NAME, {"days": days})


def generalise_config(rewrite: str) -> OperatorConfig:
    """:class:`Generalise` to ``rewrite``."""
    return OperatorConfig(Generalise.NAME, {"rewrite": rewrite})


MASK = OperatorConfig(
    "mask", {"masking_char": MASK_CHAR, "chars_to_mask": _EVERY_CHARACTER, "from_end": False}
)
"""Presidio's ``mask``, every character."""


def can_shift(value: str, days: int) -> bool:
    """Whether :class:`ShiftDate` can move ``value`` (it gives a day, and stays in range)."""
    return shift(value, days) is not None


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` to be rewritten by ``config``'s operator."""

    start: int
    end: int
    config: OperatorConfig


def rewrite(text: str, spans: Sequence[Span], *, offset: int = 0) -> tuple[str, list[str]]:
    """``text`` with every span's value replaced by its operator's output, and those outputs
    in the order of ``spans``; spans index ``text`` from ``offset`` (a stretch of a longer
    text whose offsets they keep).

    ``spans`` must be disjoint and ordered by start, each covering a character; anything else
    raises :class:`ValueError` (messages hold offsets, never values). Each configuration is
    validated by its operator once, on first use.
    """
    parts: list[str] = []
    outputs: list[str] = []
    validated: set[int] = set()
    cursor = 0
    for span in spans:
        start, end = span.start - offset, span.end - offset
        if end <= start:
            raise ValueError(f"a span to rewrite covers no character (at {span.start})")
        if start < cursor:
            raise ValueError(f"spans to rewrite overlap or are out of order (at {span.start})")
        operator = OPERATORS[span.config.operator_name]
        if id(span.config) not in validated:
            operator.validate(span.config.params)
            validated.add(id(span.config))
        output = operator.operate(text[start:end], span.config.params)
        parts += (text[cursor:start], output)
        outputs.append(output)
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts), outputs
