"""Matching a new institution (a checklist block without an id) against the register.

Names are normalised (case, accents, punctuation, legal forms such as "e.V." or "gGmbH") and
compared with RapidFuzz's ``token_sort_ratio`` and ``token_set_ratio``: word order does not
matter ("Praxis Dr. Yılmaz" = "Dr. Yılmaz, Praxis"), a name contained in the other scores high, and it is a C implementation, about a hundred times faster than
:mod:`difflib`, which matters when 10,000 returns meet 5,000 institutions. A name alone is never
enough to merge: the postcode or the phone number has to agree too; a similar name without that
agreement is queued as a probable duplicate for a person to decide. The e-mail and web address
agree only where one institution of the register has them (not a provider's central
``info@awo-…`` that many of its services give): a name alike with it is the same, merged as
with the postcode; another name with it is asked about, never taken for a new institution.
So is a phone number (since version 5): a provider's switchboard („Zentrale“) that several
institutions of the register give, or that one checklist gives institutions of several names,
tells nothing.

Candidates come from an index (exact normalised name, postcode, phone digits, and name words
that few institutions share), so the cost per return does not grow with the register.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from formgen.bounces import address_key
from formgen.fold import same_letters
from formgen.linebreak import pasted
from formgen.messages import say
from formgen.recipients import ascii_domain

MERGE = "merge"
PROBABLE = "probable"
NEW = "new"

SAME_NAME = 90.0
"""Score from which two names count as the same institution (when address or phone agree)."""
SIMILAR_NAME = 75.0
"""Score from which two names are similar enough to ask a person."""
_RARE_WORD = 200
"""A name word shared by more institutions than this does not select candidates ("praxis")."""

_LEGAL = {
    "ev",
    "gmbh",
    "ggmbh",
    "mbh",
    "ag",
    "gag",
    "kg",
    "ug",
    "eg",
    "gbr",
    "der",
    "die",
    "das",
    "und",
    "fur",
    "in",
}
_SPECIAL = str.maketrans({"ß": "ss", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "đ": "d", "æ": "ae"})
"""Letters Unicode decomposes into no base letter, as the matcher has always written them. Not
:func:`formgen.fold.fold`, which ``register find`` uses: a rebuild replays every journaled
return through the matcher of the version it was merged with (:data:`MATCHING`), and a name
folded otherwise than when it was merged could match another institution, or none, and leave
a journaled decision on a probable duplicate without its duplicate. So capital ``Đ``, ``Ø``
and ``Æ``, folded by ``register find``, are not folded here (the table is applied before
``casefold``), as they never were."""


MATCHING = 5
"""How the matcher reads names and postcodes: since version 2 as the register stores them
(:func:`formgen.linebreak.pasted`; a returned value as checked, ``D-40212`` as ``40212``), before
as typed; since version 3 with the Arabic and Persian forms of a letter and their digits as one
(:func:`formgen.fold.same_letters`: ``ي`` ``ی``, ``ك`` ``ک``, ``ة`` ``ه``, ``٣`` ``۳`` ``3``), as
``register find`` has them, so that one name typed on two keyboards is one institution. A
journaled merge says the version it matched with (its ``matching``; none: 1), so that a rebuild
matches its checklists as the merge did and finds the institutions and probable duplicates
later operations name. Since version 4 an e-mail or web address only one institution holds is
evidence too (:meth:`Matcher.match`); since version 5 a phone number only where no other
institution that is not retired holds it and the return gives it no institution of another name
(a provider's switchboard), as an address, and an address's domain as mail goes to it, IDNA 2008
(:func:`normalise_online`).

What each version costs, measured alike: 2,000 checklist blocks (half of them a name of the
register, all with an institution's e-mail address) matched against 5,000 institutions of which
every third gives its own address, the others one of 800 providers' (median of 5 runs;
``/work/notes/s21/GG/bench_match.py``, for version 5 ``/work/notes/s22/C/bench_match.py``, which
gives every fourth institution one of 300 switchboards and every block its institution's
phone). Version 4 took 1.24–1.35 times as long as version 3. Version 5 takes 1.12 times as long
as version 4 on version 4's corpus (median of the ratios of 11 runs in turn, quartiles
1.00–1.27, load 6.5 on 2 cores; 0.94–1.00 without the IDNA 2008 domains, load 2.6), and 0.51
times where blocks give a switchboard (a switchboard brings no candidates)."""


def normalise_name(name: str, version: int = MATCHING) -> str:
    """Lower case, no accents, no punctuation, no legal forms: ``"Caritas e.V."`` → ``caritas``;
    as :data:`MATCHING` ``version`` reads it: from 2 as the register stores a one-line text
    (:func:`formgen.linebreak.pasted`: a soft hyphen or zero-width space pasted into a word does
    not split it), from 3 an Arabic and a Persian form of a letter as one."""
    text = pasted(name, one_line=True) if version >= 2 else name
    if version >= 3:
        text = same_letters(text)
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"e\.\s*v\.", " ev ", text)
    words = re.findall(r"\w+", text)
    return " ".join(w for w in words if w not in _LEGAL)


def normalise_phone(phone: str) -> str:
    """Digits only, a German ``+49``/``0049`` prefix turned into the trunk ``0``."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+49"):
        digits = "0" + digits[2:]
    elif digits.startswith("0049"):
        digits = "0" + digits[4:]
    return digits


def normalise_online(email: str, web: str, version: int = MATCHING) -> frozenset[str]:
    """The e-mail and web address as compared: case aside, ``mailto:``, ``https://``, ``www.``
    and a closing ``/`` left out; an e-mail marked ``@``, a web address ``/``. As
    :data:`MATCHING` ``version`` reads them: from 5 their domain as mail and browsers go to it
    (:func:`formgen.recipients.ascii_domain`), before in ``casefold``, which wrote
    ``straßenfußball-neuß.de`` as ``strassenfussball-neuss.de``, another domain."""
    if version < 5:
        mail = re.sub(r"^mailto:", "", email.strip().casefold())
        site = re.sub(r"^(https?://)?(www\.)?", "", web.strip().casefold()).rstrip("/")
    else:
        mail = address_key(re.sub(r"^mailto:", "", email.strip(), flags=re.IGNORECASE))
        bare = re.sub(r"^(https?://)?(www\.)?", "", web.strip(), flags=re.IGNORECASE)
        host, slash, path = bare.partition("/")
        with contextlib.suppress(UnicodeError):  # a domain IDNA 2008 refuses: as written
            host = ascii_domain(host)
        site = f"{host.lower()}{slash}{path.casefold()}".rstrip("/")
    return frozenset(({"@" + mail} if mail else set()) | ({"/" + site} if site else set()))


def phone_key(phone: str) -> str:
    """A phone number (:func:`normalise_phone`'s digits) among the addresses of
    :func:`normalise_online`, marked ``#``: the return's ``shared`` ones (:meth:`Matcher.match`)."""
    return "#" + normalise_phone(phone)


def normalise_postcode(postcode: str, version: int = MATCHING) -> str:
    return re.sub(r"\s", "", pasted(postcode) if version >= 2 else postcode)


@dataclass(frozen=True)
class Candidate:
    """What an institution looks like to the matcher."""

    id: str
    name: str
    postcode: str = ""
    phone: str = ""
    former: tuple[str, ...] = ()
    """Names the institution had before (its history): a checklist that still lists it under
    one of them is asked about, not taken for a new institution."""
    email: str = ""
    web: str = ""
    retired: bool = False
    """Taken out of the lists: from matching 5 its phone number is no other institution's
    (:meth:`Matcher.match`)."""


@dataclass(frozen=True)
class Match:
    """The verdict for one new institution: merge into ``id``, ask a person, or create it.

    Why, as the English ``reason``, and as the key and args of its words in
    :data:`formgen.messages.WORDS`, so that the ingest report and, for a probable duplicate
    (which waits in the register for a person), ``register conflicts`` say it in the
    workspace's language."""

    kind: str
    id: str | None = None
    score: float = 0.0
    reason: str = ""
    reason_key: str | None = None
    reason_args: Mapping[str, int] = field(default_factory=dict, hash=False)


def _probable(iid: str, score: float, key: str, **args: int) -> Match:
    return Match(PROBABLE, iid, score, say(key, "en", **args), key, args)


class Matcher:
    """An index of the register's institutions for matching new ones, their names and postcodes
    read as :data:`MATCHING` ``version`` reads them."""

    def __init__(self, version: int = MATCHING) -> None:
        self._version = version
        self._items: dict[str, tuple[str, str, str]] = {}
        self._numbers: dict[str, frozenset[str]] = {}
        self._former: dict[str, tuple[str, ...]] = {}
        self._by_name: dict[str, set[str]] = defaultdict(set)
        self._by_postcode: dict[str, set[str]] = defaultdict(set)
        self._by_phone: dict[str, set[str]] = defaultdict(set)
        self._live_phone: dict[str, set[str]] = defaultdict(set)
        """Phone digits → the institutions not retired that give them."""
        self._by_word: dict[str, set[str]] = defaultdict(set)
        self._online: dict[str, frozenset[str]] = {}
        self._by_online: dict[str, set[str]] = defaultdict(set)

    def add(self, cand: Candidate) -> None:
        self.remove(cand.id)
        name, pc, ph = self._normalised(cand)
        self._items[cand.id] = (name, pc, ph)
        self._numbers[cand.id] = _numbers(name)
        former = {normalise_name(n, self._version) for n in cand.former} - {name, ""}
        self._former[cand.id] = tuple(sorted(former))
        for each in (name, *former):
            self._by_name[each].add(cand.id)
            for word in set(each.split()):
                self._by_word[word].add(cand.id)
        if pc:
            self._by_postcode[pc].add(cand.id)
        if ph:
            self._by_phone[ph].add(cand.id)
            if not cand.retired:
                self._live_phone[ph].add(cand.id)
        self._online[cand.id] = online = self._online_of(cand)
        for key in online:
            self._by_online[key].add(cand.id)

    def remove(self, iid: str) -> None:
        old = self._items.pop(iid, None)
        if old is None:
            return
        name, pc, ph = old
        del self._numbers[iid]
        for each in (name, *self._former.pop(iid)):
            self._by_name[each].discard(iid)
            for word in set(each.split()):
                self._by_word[word].discard(iid)
        self._by_postcode[pc].discard(iid)
        self._by_phone[ph].discard(iid)
        self._live_phone[ph].discard(iid)
        for key in self._online.pop(iid):
            self._by_online[key].discard(iid)

    def match(self, cand: Candidate, shared: Collection[str] = ()) -> Match:
        """Find the institution ``cand`` most probably is (ties: the lowest id, so it is stable);
        ``shared``: addresses (:func:`normalise_online`) and phone numbers (:func:`phone_key`)
        the return gives other institutions too, which tell nothing."""
        name, pc, ph = self._normalised(cand)
        # from 5 a phone tells only of the one institution in the lists that gives it
        live = self._live_phone.get(ph, set()) if ph and self._version >= 5 else set()
        if len(live) > 1 or (ph and self._version >= 5 and phone_key(ph) in shared):
            ph, live = "", set()  # a switchboard: as if the return gave no phone
        ids: set[str] = set(self._by_name.get(name, ()))
        if pc:
            ids |= self._by_postcode.get(pc, set())
        if ph:
            ids |= self._by_phone.get(ph, set())
        for word in set(name.split()):
            posting = self._by_word.get(word, set())
            if len(posting) <= _RARE_WORD:
                ids |= posting
        # an address of one institution only: a provider's shared one tells nothing
        online_keys = self._online_of(cand) - set(shared)
        own = {k: held for k in online_keys if len(held := self._by_online.get(k, set())) == 1}
        for held in own.values():
            ids |= held
        best: Match = Match(NEW)
        numbers = _numbers(name)
        for iid in sorted(ids):
            other_name, other_pc, other_ph = self._items[iid]
            if live and iid not in live:  # retired: the one in the lists has its number now
                other_ph = ""
            score = similarity(name, other_name)
            if numbers != self._numbers[iid]:
                score = min(score, SIMILAR_NAME - 1)
            # one address of two places (a number in the name tells them apart) tells nothing
            same_numbers = numbers == self._numbers[iid]
            online = sorted(key[0] for key, held in own.items() if iid in held and same_numbers)
            same_place = bool((pc and pc == other_pc) or (ph and ph == other_ph) or online)
            no_place = not (pc or ph) or not (other_pc or other_ph)
            if (
                score >= SAME_NAME
                and (same_place or (score == 100.0 and no_place))
                and ((ph and ph == other_ph) or not _contained_only(name, other_name))
            ):
                key, args = _place(pc, other_pc, ph, other_ph, score, online)
                verdict = Match(MERGE, iid, score, say(key, "en", **args), key, args)
            elif score >= SAME_NAME or (score >= SIMILAR_NAME and same_place):
                by = _ONLINE[online[0]] if online and score < SAME_NAME else "name"
                by = "name" if (pc and pc == other_pc) or (ph and ph == other_ph) else by
                verdict = _probable(iid, score, f"dup_similar_{by}", percent=round(score))
            elif (before := self._former_score(name, numbers, iid)) >= SAME_NAME:
                verdict = _probable(iid, before, "dup_former_name", percent=round(before))
            elif ph and ph == other_ph:
                verdict = _probable(iid, score, "dup_same_phone")
            elif online:
                verdict = _probable(iid, score, f"dup_same_{_ONLINE[online[0]]}")
            else:
                continue
            if _rank(verdict) > _rank(best):
                best = verdict
        return best

    def _normalised(self, cand: Candidate) -> tuple[str, str, str]:
        """Name, postcode and phone of ``cand`` as compared."""
        name, pc = normalise_name(cand.name, self._version), cand.postcode
        return name, normalise_postcode(pc, self._version), normalise_phone(cand.phone)

    def _online_of(self, cand: Candidate) -> frozenset[str]:
        """The e-mail and web address of ``cand`` as compared; none before version 4."""
        if self._version < 4:
            return frozenset()
        return normalise_online(cand.email, cand.web, self._version)

    def _former_score(self, name: str, numbers: frozenset[str], iid: str) -> float:
        """How like ``name`` is the most alike of the names ``iid`` had before (0: none)."""
        return max(
            (similarity(name, f) if _numbers(f) == numbers else 0.0 for f in self._former[iid]),
            default=0.0,
        )


def similarity(a: str, b: str) -> float:
    """0–100: word order does not matter; a name that contains the other scores 95.

    :meth:`Matcher.match` also holds names that differ in a number ("Stadtteilbüro 3" /
    "Stadtteilbüro 4") for different places: they score below :data:`SIMILAR_NAME`.
    """
    if not a or not b:
        return 0.0
    from rapidfuzz import fuzz  # 20 ms to load: not for the register commands that never match

    score = max(float(fuzz.token_sort_ratio(a, b)), 0.95 * float(fuzz.token_set_ratio(a, b)))
    return score


def _contained_only(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are alike only as one contained in the other ("Caritas
    Düsseldorf" and "Caritas Düsseldorf Suchtberatung"): two services of one provider at one
    address, as often as one institution named twice. With only the postcode in common such a
    pair is asked, never merged; the same phone number tells it is one."""
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a, b)) < SAME_NAME


def _numbers(name: str) -> frozenset[str]:
    return frozenset(w for w in name.split() if w.isdigit())


_ONLINE = {"@": "email", "/": "web"}
"""The marks of :func:`normalise_online`, as the words of a reason name them."""


def _place(
    pc: str, other_pc: str, ph: str, other_ph: str, score: float, online: list[str]
) -> tuple[str, dict[str, int]]:
    """The words (a key of :data:`formgen.messages.WORDS` and its args) of why a name matched:
    the name, the same or alike (``score``), and its place: the postcode, else the phone,
    else the e-mail or web address only it holds (``online``, their marks)."""
    by = "postcode" if pc and pc == other_pc else "phone" if ph and ph == other_ph else None
    if by is None and online:
        by = _ONLINE[online[0]]
    if score < 100.0:  # only the same name matches without a place (score 100)
        return f"ingest_merge_similar_{by or 'phone'}", {"percent": round(score)}
    return f"ingest_merge_same_{by or ('phone' if ph else 'name')}", {}


def _rank(m: Match) -> tuple[int, float]:
    return ({NEW: 0, PROBABLE: 1, MERGE: 2}[m.kind], m.score)
