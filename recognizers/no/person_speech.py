"""Words of speech and chat that are no names.

* Interjections (``oj``, ``åh``, ``ah``, ``haha``, ``uff``): a transcript writes them after a
  speaker label with a capital (``Sykepleier: Oj, det skal ikke skje``); they are never names.
* Chat abbreviations (``evt``, ``pga``, ``ang``, ``mtp``): short, vowel-poor words that a
  model may take for a name at the start of a clause; never names.
* Everyday English of a consultation held in English (``two puffs twice a day``, ``renew
  both``, ``my number is``): number words, dosing and time words, and the commonest verbs and
  function words; ordinary in lower case (:func:`recognizers.no.person_lexicon.is_ordinary`).
"""

from __future__ import annotations

INTERJECTIONS = frozenset(
    "oj oi ojsann åh å ah aha ahh haha hahaha hehe hihi uff uffda æsj huff au auda ups "
    "oops wow jøss jasså mhm mhmm".split()
)
"""Interjections; never names, whatever their case."""
HESITATIONS = frozenset("eh ehm eeh øh øhm øhh hm hmm mm".split())
"""Hesitation sounds: never a name on their own, but said inside one (``tomek eh
kowalczyk``), so no stop word within a name either."""
CHAT_ABBREVIATIONS = frozenset("evt pga ang mtp mht iht vedr dvs osv ifm iflg".split())
"""Abbreviations of chat and notes; never names, whatever their case."""
ENGLISH_NUMBERS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fourteen twenty".split()
)
"""English numbers said in a consultation (``two puffs``, ``three days``)."""
ENGLISH_WORDS = ENGLISH_NUMBERS | frozenset(
    """
    twice once thrice
    a an the and or but if then so yes no not my your his her our their me you him them
    it its is was were be been am do does did have has had would can could should
    please thanks thank sorry okay ok hello hi everybody everyone somebody nobody
    day days daily morning evening night nightly hour hours minute minutes month months
    year years week weekly tomorrow today yesterday
    puff puffs tablet tablets capsule capsules drop drops dose doses spray sprays
    inhaler inhalers cream ointment pill pills injection
    renew refill repeat continue stop start take taking use using apply need needs want
    both all some any more less much many every each other
    number phone name address email
    how things school teacher work home
    pronounced spelled spelt called
    """.split()
)
"""Everyday English of a consultation; ordinary in lower case, not names."""
