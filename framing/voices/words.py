"""Classes of words that report: verbs of saying, belief, intention and stance by what
they take as their content, and nouns of saying, thinking and wanting."""

from __future__ import annotations

from spacy.tokens import Token

# Reporting verbs by what they take as the content (the attitude or message they
# attribute to their subject): general classes of English verbs of communication,
# cognition, evidence, intention and stance, not a list fitted to a data set.
# Verbs of saying: a clause, a to-clause or a quotation ("said that …", "urged them to …").
SPEECH_VERBS = frozenset(
    """say tell add state announce declare confirm explain warn insist claim argue urge ask
    question reply write tweet post comment continue conclude emphasize emphasise stress note
    observe remark recall suggest acknowledge admit concede confess respond answer retort
    counter deny accuse allege charge contend maintain assert affirm predict promise vow
    pledge threaten report reveal disclose testify complain grouse grumble gripe boast brag
    joke quip caution mention reiterate repeat describe call demand propose recommend
    estimate indicate proclaim lament scoff sneer shout yell whisper mutter exclaim tout
    dismiss blast slam criticize criticise praise thank apologize apologise rail fume agree
    disagree object protest plead implore beg muse interject concur opine advise inform
    assure clarify elaborate recount read signal hint wonder speculate acknowledge
    order instruct direct encourage invite remind notify announce""".split()
)
# Verbs of belief, knowledge and perception: an attribution only with a clause of what is
# believed ("Analysts believe the truce will hold"): a view the text gives to its holder.
BELIEF_VERBS = frozenset(
    """think believe hope expect fear worry feel doubt suspect reckon assume know realize
    realise understand imagine guess figure learn discover notice recognize recognise
    forget hear sense agree decide conclude""".split()
)
# Verbs of intention and desire: with a to-clause ("plans to run", "refused to answer").
INTENTION_VERBS = frozenset(
    """want plan intend hope seek aim wish prefer refuse decline promise pledge vow threaten
    agree offer propose decide expect demand ask urge""".split()
)
# Verbs whose direct object is the message, the thing shown or the thing wanted, or what
# the subject stands for or against ("announced his candidacy", "polls show Clinton
# ahead", "endorsed Sanders", "denied the report").
OBJECT_VERBS = frozenset(
    """announce deny confirm repeat reiterate acknowledge admit reveal disclose report describe
    mention cite propose suggest recommend demand promise pledge predict claim allege state
    express voice declare show indicate want prefer reject support back endorse oppose
    praise criticize criticise condemn denounce defend welcome applaud hail slam blast attack
    dismiss blame accuse thank mock ridicule question dispute call characterize characterise
    portray label dub brand tout urge ask forecast""".split()
)
# Prepositions whose object is what a reporting verb is about ("talked about the wall",
# "called for talks", "warned against a deal", "accused Iran of …", "commented on it").
CONTENT_PREPOSITIONS = frozenset("about for against of on".split())
# Verbs whose object is the one spoken to, never the message ("told reporters").
RECIPIENT_VERBS = frozenset(
    "tell ask urge inform assure remind notify warn advise order instruct direct encourage "
    "invite thank beg implore".split()
)
# Reporting verbs made of a verb and a particle ("pointed out", "shot back").
PARTICLE_CUES = frozenset(
    {("point", "out"), ("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"),
     ("chime", "in"), ("weigh", "in"), ("spell", "out"), ("speak", "out"), ("lash", "out"),
     ("sum", "up"), ("put", "it")}
)  # fmt: skip
# Nouns of saying, thinking and wanting: with their holder ("his remark", "criticism from
# Democrats", "Republicans raised questions") and what they are about, they attribute
# it ("her remark that …", "his support for the bill", "Clinton's plan to raise taxes").
MESSAGE_NOUNS = frozenset(
    """statement remark comment claim assertion allegation accusation charge argument
    suggestion proposal promise pledge vow threat warning call demand request appeal plea
    question complaint criticism attack praise support endorsement backing opposition
    objection denial admission announcement message response reply answer view
    opinion belief hope fear concern worry doubt plan intention decision desire wish
    insistence prediction estimate assessment account explanation description tweet
    post letter memo report testimony""".split()
)
# Nouns that name a point of view: "in his view, …", "in her words, …".
VIEW_NOUNS = frozenset("view opinion words estimation judgment judgement eyes mind".split())
# Verbs that only carry a message noun: "raised questions", "issued a warning".
LIGHT_VERBS = frozenset(
    "raise make issue express voice offer give deliver level lodge file send post have".split()
)
NOUN_CONTENT_PREPOSITIONS = frozenset("about for of on against to over".split())
BY_FROM = frozenset({"by", "from"})  # "criticism from Democrats", "a call by the mayor"


def _is_speech_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or any(
        c.dep_ == "prt" and (lemma, c.lower_) in PARTICLE_CUES for c in token.children
    )


def _is_reporting_verb(token: Token) -> bool:
    """A verb of one of the reporting classes (it reports only with the content its class
    takes, _content_of; a verb of saying may also report a quotation beside it)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in BELIEF_VERBS
        or lemma in INTENTION_VERBS
        or lemma in OBJECT_VERBS
        or _is_speech_verb(token)
    )
