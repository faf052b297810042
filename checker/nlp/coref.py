"""Who or what each noun phrase refers to: a small rule-based coreference.

No offline neural coreference fits the pipeline, so this is the classic recipe, kept small
and linear in the text:

- A proper name refers back to an earlier name whose words include its words, or whose
  words it includes ("Pruitt" → "Wade Pruitt", "Tropical Cyclone Leonie" → "Leonie").
- A definite description refers back to an earlier mention with the same head noun, or
  to a name carrying that noun ("the cyclone" → "Cyclone Ida"); with none, it is taken as
  unresolved (it may still name something told earlier in other words).
- An indefinite ("a man", "two boats", "another ferry") introduces something new.
- A personal pronoun refers to the most salient earlier mention that agrees with it in
  person, gender and number, within a few sentences (salience: mentioned often, as a
  subject, recently).
- An apposition names the same thing twice ("Her captain, Ruth Ellory").

Each mention gets an entity id and whether the link is certain: a name, an indefinite or
a resolved description is certain; an unresolved description, or a pronoun with no agreeing
candidate, is not, and callers treat it as unknown rather than as different.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from checker import lexicon as lx

if TYPE_CHECKING:  # spaCy is imported when the pipeline loads, not before
    from spacy.tokens import Doc, Token

_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "attr", "conj",
                  "ROOT", "compound", "npadvmod", "dative", "agent", "oprd"}
_NAME_PARTS = {"compound", "flat"}
_WINDOW = 3  # sentences a pronoun looks back
# how much a mention makes its entity the likely referent of a later pronoun: subjects
# most, objects next, everything else (obliques, possessors) least
_SALIENCE = {"nsubj": 2.0, "nsubjpass": 2.0, "dobj": 1.0, "appos": 1.0, "attr": 1.0}
_NOT_THINGS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
_INDEFINITE = {"a", "an", "another", "some", "no", "any", "each", "every", "one"}
_DEFINITE = {"the", "this", "that", "these", "those"}


@dataclass(frozen=True, slots=True)
class Ref:
    """What one mention refers to: an entity id, and whether the link is certain."""

    entity: int
    certain: bool = True


@dataclass(slots=True)
class _Entity:
    id: int
    words: frozenset[str]  # a name's words, lower-case ("wade", "pruitt"); empty for nouns
    lemmas: set[str]  # head nouns it was called by ("cyclone", "storm")
    person: bool
    plural: bool
    gender: str | None = None  # "m", "f"
    # known for sure: named, or told as new ("a man"); not a description with nothing to
    # refer back to, which may be something told before in other words
    certain: bool = True
    mentions: list[tuple[int, float]] = field(default_factory=list)  # (sentence, weight)


def _gender_of(token: Token) -> str | None:
    word = token.lower_
    if word in lx.MALE_WORDS:
        return "m"
    if word in lx.FEMALE_WORDS:
        return "f"
    return None


class Entities:
    """Coreference over one parsed document: `ref(token)` for a noun phrase's head."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._refs: dict[int, Ref] = {}
        self._entities: list[_Entity] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_lemma: dict[str, list[int]] = {}
        self._others: set[int] = set()  # descriptions told as another of a kind told before
        if doc.has_annotation("DEP"):
            self._sentence = [0] * len(doc)
            for n, sent in enumerate(doc.sents):
                for t in sent:
                    self._sentence[t.i] = n
            for token in doc:
                if token.dep_ in _ARGUMENT_DEPS and token.pos_ in ("NOUN", "PROPN", "PRON") \
                        and not _name_part(token) and token.ent_type_ not in _NOT_THINGS \
                        and token.lemma_.lower() not in lx.TIME_NOUNS:
                    ref = self._resolve(token)
                    if ref is not None:
                        self._refs[token.i] = ref
                    # a guess at a name or a pronoun makes nothing salient; a description
                    # with nothing before it is still something the story talks about
                    if ref is not None and (ref.certain or token.pos_ == "NOUN"):
                        self._entities[ref.entity].mentions.append(
                            (self._sentence[token.i], _SALIENCE.get(token.dep_, 0.5)))

    def ref(self, token: Token | None) -> Ref | None:
        """The entity a noun phrase head refers to; None for words that refer to nothing
        tracked (I, we, you, relative pronouns, parts of names)."""
        if token is None:
            return None
        while _name_part(token):
            token = token.head
        return self._refs.get(token.i)

    def another(self, token: Token) -> bool:
        """Whether the phrase is told as another one of a kind told before ("the new
        ceasefire" after "the ceasefire")."""
        return token.i in self._others

    def named(self, entity: int) -> bool:
        """Whether the thing has a name ("Wade Pruitt"), not only a description."""
        return bool(self._entities[entity].words)

    # ------------------------------------------------------------ resolution
    def _resolve(self, token: Token) -> Ref | None:
        if token.pos_ == "PRON":
            return self._pronoun(token)
        if token.pos_ == "NOUN" and (token.dep_ == "attr" or (
                token.dep_ == "pobj" and token.head.lower_ == "as")):
            return None  # "crossed the coast as a category 2 system": says what it is

        if token.dep_ == "appos" and token.head.i in self._refs:
            if token.pos_ == "PROPN":
                # "his publisher, Gwasg Teifi", "its cloud offering, iCloud": the name says
                # which thing the description is, for sure
                ref = self._refs[token.head.i] = self._name(token)
                return ref
            ref = self._refs[token.head.i]
            self._merge_words(ref.entity, token)
            return ref
        if token.pos_ == "PROPN":
            return self._name(token)
        return self._noun(token)

    def _new(self, token: Token, words: frozenset[str], *, person: bool,
             certain: bool = True) -> int:
        gender = _gender_before(token)
        ent = _Entity(len(self._entities), words, {token.lemma_.lower()},
                      person or gender is not None, token.tag_ in ("NNS", "NNPS"), gender,
                      certain)
        self._entities.append(ent)
        for w in words:
            self._by_word.setdefault(w, []).append(ent.id)
        self._by_lemma.setdefault(token.lemma_.lower(), []).append(ent.id)
        return ent.id

    def _merge_words(self, entity: int, token: Token) -> None:
        ent = self._entities[entity]
        words = _name_words(token) if token.pos_ == "PROPN" else frozenset()
        for w in words - ent.words:
            self._by_word.setdefault(w, []).append(entity)
        ent.words = ent.words | words
        ent.certain = ent.certain or bool(words)  # "the company, Halden": named now
        ent.lemmas.add(token.lemma_.lower())
        ent.person = ent.person or token.ent_type_ == "PERSON"
        ent.gender = ent.gender or _gender_before(token)

    def _name(self, token: Token) -> Ref:
        words = _name_words(token)
        matches = []
        for eid in reversed(self._by_word.get(min(words, key=len), []) if words else []):
            other = self._entities[eid].words
            if (words <= other or other <= words) and eid not in matches:
                matches.append(eid)
        if matches:
            # "Kim" after "Kim Jong Un" and "Duyeon Kim": either of two, so not for sure
            if len(matches) == 1:
                self._merge_words(matches[0], token)
            return Ref(matches[0], certain=len(matches) == 1)
        # "the poet Emlyn Parry", "the research vessel Sir Ernest": one thing named twice
        first = min([token.i, *(t.i for t in token.lefts if t.dep_ in _NAME_PARTS)])
        for c in token.head.children if token.dep_ in ("nsubj", "dobj") else ():
            if c.i == first - 1 and c.pos_ == "NOUN" and c.dep_ == token.dep_ and \
                    c.i in self._refs:
                self._merge_words(self._refs[c.i].entity, token)
                return Ref(self._refs[c.i].entity)
        return Ref(self._new(token, words, person=token.ent_type_ == "PERSON"))

    def _noun(self, token: Token) -> Ref | None:
        lemma = token.lemma_.lower()
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "poss")}
        # "a man", "two boats", and a bare plural ("results", "data released Wednesday"):
        # told as new, whatever came before
        bare_plural = not dets and token.tag_ == "NNS"
        # "the new ceasefire", "the second ferry": another one than any told before
        another = any(c.dep_ in ("amod", "det") and (c.lower_ in lx.OTHER_CUES or c.lower_ in
                                                      lx.NEW_CUES or c.ent_type_ == "ORDINAL")
                      for c in token.children)
        if another and (self._by_lemma.get(lemma) or self._by_word.get(lemma)):
            self._others.add(token.i)  # "the ceasefire … the new ceasefire": a second one
        if dets & _INDEFINITE or bare_plural or another or \
                any(c.dep_ == "nummod" for c in token.children):
            return Ref(self._new(token, frozenset(), person=False))
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and lemma in lx.SELF_NOUNS and owner.i in self._refs:
            return self._refs[owner.i]  # "Miss Kinsella's body was discovered": Kinsella
        earlier = self._by_lemma.get(lemma) or self._by_word.get(lemma)
        if earlier:
            return Ref(earlier[-1], certain=self._entities[earlier[-1]].certain)
        # "the Mac OS X operating system" is named, so it is that thing for sure, and "its
        # rival" is someone's, so not that someone; any other description with nothing to
        # refer back to ("the mall", "police", a headline's "ship") may name in other words
        # something told before
        certain = any(c.dep_ == "compound" and c.pos_ == "PROPN" or c.dep_ == "poss"
                      for c in token.children)
        return Ref(self._new(token, frozenset(), person=False, certain=certain), certain=certain)

    def _pronoun(self, token: Token) -> Ref | None:
        word = token.lower_
        if word in lx.PRONOUN_AGREEMENT:
            person, gender, plural = lx.PRONOUN_AGREEMENT[word]
        else:
            return None
        here = self._sentence[token.i]
        best, best_score, second = None, 0.0, 0.0
        for ent in reversed(self._entities):
            if not ent.mentions or here - ent.mentions[-1][0] > _WINDOW:
                continue
            # "they" may be an organisation named in the singular ("Halden said they")
            if ent.plural != plural and not (plural and ent.words and not ent.person):
                continue
            if person is not None and ent.person != person:
                continue
            if gender is not None and ent.gender not in (None, gender):
                continue
            score = sum(w * 0.5 ** (here - s) for s, w in ent.mentions if here - s <= _WINDOW)
            if score > best_score:
                best, best_score, second = ent, score, best_score
            elif score > second:
                second = score
        if best is None:
            return None
        # sure only when one candidate stands out: twice as salient as the next
        certain = best_score > 2 * second and best.certain
        if certain and gender is not None and best.gender is None:
            best.gender = gender
        return Ref(best.id, certain=certain)


def _name_part(token: Token) -> bool:
    return token.dep_ in _NAME_PARTS and token.pos_ == "PROPN" and token.head.pos_ == "PROPN"


def _name_words(token: Token) -> frozenset[str]:
    parts = [t for t in token.lefts if t.dep_ in _NAME_PARTS and t.pos_ == "PROPN"]
    words = {t.lower_.strip(".'’") for t in [*parts, token]}
    return frozenset(w for w in words if w and w not in lx.TITLES)


def _gender_before(token: Token) -> str | None:
    """Gender from a title or gendered word in the phrase: "Mr Hadad", "Mrs Pike"."""
    for t in token.lefts:
        g = _gender_of(t)
        if g:
            return g
    return _gender_of(token)
