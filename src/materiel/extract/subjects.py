"""Who does what a verb says: its subject or passive agent, the one it inherits from the verb it
hangs from, or the object that controls it ("accused Iran of shipping"); and the critics whose
verbs take a transfer made by others ("Moscow condemned Western arms deliveries")."""

from __future__ import annotations

from spacy.tokens import Token

from materiel.extract.nearing import nearness_holder
from materiel.extract.permission import permitted
from materiel.extract.syntax import CLIMB, MAX_CLIMB, cue_kind
from materiel.extract.treenames import SUBJECTS, clause_opener, subject_of_next_clause

# Subjects that stand for the subject of the verb above ("the Netherlands announced it would send").
CLIMB_PAST = {"it", "they", "we"}
# Verbs of judging others' deeds: their subject criticises a transfer, it does not make it
# ("Moscow condemned Western arms deliveries to Kyiv"); refusing verbs ("reject", "oppose") are
# left out, as their subject may refuse its own supplies.
CRITICS = {
    "criticise", "criticize", "condemn", "denounce", "decry", "deplore", "slam", "blast", "lambast",
    "castigate", "protest", "censure",
    "object", "bemoan", "lament",  # "Israel objected to the sale of jets to Qatar"
    "lobby", "rail",  # "Israel lobbied against the sale of jets to the UAE", "railed against"
    "threaten", "punish", "rebuke",  # "Beijing threatened Washington with sanctions over arms sales"
}  # fmt: skip
# Words of warning or worry whose subject watches a transfer that others make: "Japan warned of
# arms transfers to Russia", "Britain voiced concern over deliveries to the RSF", "Berlin
# complained about shipments to Serbia". Only a transfer noun right after their preposition is
# watched: in "warned of delays in its deliveries" the deliveries may be the subject's own.
OBSERVERS = {
    "warn", "caution", "warning",  # a warning about others' deeds
    "complain", "complaint",  # a grievance
    "concern", "worry", "fear", "alarm", "unease", "anxiety",  # a worry voiced, raised or expressed
}  # fmt: skip
OBSERVED_PREPS = {"of", "about", "over", "against"}


def subject_tokens(verb: Token) -> list[Token]:
    """Subject (or passive agent) of a verb, climbing to the verb it depends on when it has none."""
    owners = _decision_owner(verb)
    if owners:
        return owners
    node = verb
    for _ in range(MAX_CLIMB):
        stranded = stranded_subject(node)  # also a verb climbed to: "and Poland said it would send"
        if stranded is not None:
            return [stranded]
        found = [c for c in node.children if c.dep_ in SUBJECTS]
        agents = [g for c in node.children if c.dep_ == "agent" for g in c.children]
        if any(c.dep_ == "nsubjpass" for c in found) and agents:
            return agents
        if found and not all(c.lower_ in CLIMB_PAST for c in found):
            return found
        if node.dep_ not in CLIMB or node.head.i == node.i:
            break
        controller = [c for c in node.head.children if c.dep_ == "dobj"] if node.dep_ == "xcomp" else []
        if node.dep_ == "pcomp" and _object_controls(node.head):
            controller = [c for c in prep_governor(node.head).children if c.dep_ == "dobj"]
        if controller:  # object control: "cause the West to stop", "allowed Washington to postpone"
            return controller
        if _criticised(node, verb) or (node.i == verb.i and _observed(node)):  # "condemned the deliveries",
            break  # "warned of deliveries": the critic or the watcher is not who delivers
        node = nearness_holder(node) or node.head  # "is on the verge of signing": one step up to "is"
    return []


def stranded_subject(verb: Token) -> Token | None:
    """'sent tanks to Poland and Germany sent howitzers', parsed with Germany a conjunct of Poland
    and the second 'sent' a conjunct (or adverbial clause) of the first with no subject: the name
    right before such a finite verb (or before its adverbs: "and Poland also pledged") is its
    subject, neither the first verb's subject nor a conjunct
    of its recipient."""
    opener = clause_opener(verb)
    if opener is None:
        return None
    before = opener.i - 1
    while before > 0 and verb.doc[before].dep_ == "advmod" and verb.doc[before].head.i == verb.i:
        before -= 1  # an adverb between the name and its verb: "and Poland also pledged"
    name = verb.doc[before]
    return name if name.pos_ == "PROPN" and name.dep_ == "conj" and name.head.i < name.i else None


def reported_pronoun(verb: Token) -> bool:
    """Is the verb's subject a pronoun in a clause that a trailing attribution reports ("They
    struck ships with drones supplied by Iran, US officials said")? Whoever 'they' are, the
    reporters do not fight with what they report on."""
    pronoun = any(c.dep_ in SUBJECTS and c.pos_ == "PRON" for c in verb.children)
    return pronoun and verb.dep_ == "ccomp" and verb.head.i > verb.i


def opens_clause(name: Token) -> bool:
    """Is the name the stranded subject of the verb right after it (see `stranded_subject`), or a
    listed name that a finite verb or modal right after it makes a clause's subject
    (`treenames.subject_of_next_clause`: "to Ukraine and Norway will send tanks")?"""
    after = name.i + 1
    while after < len(name.doc) - 1 and name.doc[after].dep_ == "advmod" and name.doc[after].head.i > after:
        after += 1  # "and Poland later delivered": the verb after the adverb
    following = name.doc[after] if after < len(name.doc) else None
    return following is not None and (stranded_subject(following) is not None or subject_of_next_clause(name))


def criticised(cue: Token) -> bool:
    """The cue, or a verb or noun it hangs from, is what a critic's verb takes: the critic judges
    a transfer made by others ("Moscow condemned Western arms deliveries to Kyiv"), or the cue is
    a transfer noun that a warning or worry is about (`OBSERVERS`)."""
    if _observed(cue):
        return True
    node = cue
    for _ in range(3):
        if _criticised(node, cue):
            return True
        if node.dep_ not in CLIMB or node.head.i == node.i:
            return False
        node = node.head
    return False


# Prepositions by which a verb of worry or complaint takes what it is about ("complained about a
# drop in shell supplies", "worried over deliveries"); not "against" ("warned against sending"
# is as often a supplier's own refusal).
COMPLAINED_PREPS = {"about", "over"}


# Cue kinds whose subject gives: a complainer may be the one who receives ("complained about the
# shells it received"), never the one who gives.
GIVING_KINDS = {"transfer", "noun"}


def _criticised(node: Token, cue: Token) -> bool:
    """The node is what a critic's verb takes ("condemned the deliveries", "protested against
    sending"), or what a verb of worry is about ("complained about a drop in supplies") when the
    cue gives (`GIVING_KINDS`), so the critic is no subject of it."""
    above = node.head.head if node.head.dep_ == "prep" else node.head
    if node.dep_ not in ("dobj", "pobj", "pcomp", "prep"):
        return False
    if above.lemma_.lower() in CRITICS:
        return True
    prep = node if node.dep_ == "prep" else node.head
    worried = above.pos_ == "VERB" and above.lemma_.lower() in OBSERVERS and prep.lower_ in COMPLAINED_PREPS
    return worried and cue_kind(cue) in GIVING_KINDS and not _own(node)


def _own(node: Token) -> bool:
    """A possessive pronoun on the node or below its preposition ("complained about its deliveries")."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in node.subtree)


def _observed(noun: Token) -> bool:
    """The transfer noun is what a warning or worry is of, about, over or against ("warned of arms
    transfers", "concern over weapons deliveries"); not the subject's own ("raised concerns about
    its own deliveries being delayed")."""
    prep = noun.head
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    return (
        not own
        and noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and prep.lower_ in OBSERVED_PREPS
        and prep.head.lemma_.lower() in OBSERVERS
        and cue_kind(noun) == "noun"
    )


def _decision_owner(verb: Token) -> list[Token]:
    """'Russia condemned Britain's decision to supply': an infinitive hanging from a noun takes
    the name that owns the noun as its subject ('its decision', 'the region's plan': the subject
    above)."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    given = permitted(verb.head)  # "gave Israel approval to sell": Israel sells
    return given or [c for c in verb.head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]


# Verbs whose object did (or is warned against doing) what the gerund after their preposition says:
# "accused Belarus of supplying", "thanked Germany for sending", "warned Seoul against sending";
# the subject only reports, judges or warns, or helps
# ("assisted Russia with smuggling weapons": Russia smuggles).
OBJECT_DOES = {
    "of": {"accuse", "suspect", "convict"},
    "with": {"assist", "help", "aid"},
    "for": {
        "thank",
        "blame",
        "praise",
        "credit",
        "commend",
        "criticize",
        "criticise",
        "condemn",
        "punish",
        "sanction",
        "fault",
        "applaud",
        "congratulate",
        "reward",
    },
    # "warned the West against supplying Ukraine with missiles": the West would supply, not Russia
    "against": {"warn", "caution", "advise", "counsel", "urge", "press", "lobby"},
}


def _object_controls(prep: Token) -> bool:
    """A gerund's doer is the object above it: "block Poland from sending", "accused Iran of
    shipping", "thanked Norway for supplying"."""
    word = prep.lower_
    return word == "from" or prep_governor(prep).lemma_.lower() in OBJECT_DOES.get(word, set())


# Entity types of a time phrase between a verb's object and its preposition.
TIME_ENTITIES = {"DATE", "TIME"}


def prep_governor(prep: Token) -> Token:
    """The word a preposition hangs on, past a time phrase the parser hangs it on instead: in
    "accused Minsk in March of supplying" or "thanked Oslo on Friday for sending" the "of" and the
    "for" belong to the verb, not to "March" or "Friday" (a bare "last week" is the verb's own)."""
    head = prep.head
    if head.ent_type_ not in TIME_ENTITIES or head.pos_ not in ("NOUN", "PROPN"):
        return head
    if head.dep_ == "npadvmod":
        return head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        return head.head.head
    return head


# Relative pronouns that stand for the noun their clause describes ("Poland, which has sent
# tanks, ...": Poland sends). Not "who": a person's clause ("the minister, who never backed aid to
# Ukraine") tells of their stance more often than of their state's transfer.
RELATIVE_SUBJECTS = {"which", "that"}


def relative_antecedent(token: Token) -> Token:
    """The noun a relative clause's subject pronoun stands for, else the token itself."""
    if token.lower_ in RELATIVE_SUBJECTS and token.head.dep_ == "relcl" and token.dep_ in ("nsubj", "nsubjpass"):
        return token.head.head
    return token
