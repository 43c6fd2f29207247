"""General English word lists that several parts of framing use: closed classes and
calendar words, never words of one story (a list that exists to make a story or a data set
come out right is a defect). A part that needs a narrower or a wider list builds it from
these, where it says why."""

from __future__ import annotations

DETERMINERS = frozenset("the a an this that".split())
POSSESSIVE_DETERMINERS = frozenset("his her its their our".split())
COURTESY_TITLES = frozenset("mr mrs ms miss mx messrs".split())
# Endings of a possessive, in both apostrophes and in capitals ("TRUMP'S").
POSSESSIVE_SUFFIXES = ("'s", "’s", "'S", "’S")

# Each month with its abbreviations, in calendar order (month number = place + 1).
MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTH_WORDS = frozenset(word for names in MONTHS for word in names)
MONTH_ABBREVIATIONS = frozenset(word for names in MONTHS for word in names[1:])
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# Words that carry grammar rather than content: determiners, conjunctions, prepositions,
# pronouns, auxiliaries and modals, common adverbs, reporting verbs, courtesy titles.
FUNCTION_WORDS = (
    frozenset(
        """
        a an the this that these those some any each every all both either neither no not nor
        and or but so yet if then than because as while whereas although though unless until
        since when where whence wherever whenever why how what which who whom whose whether
        of for to in on at by with from into onto upon about above below under over after
        before during between among against across along around through throughout within
        without toward towards via per amid amidst despite beyond behind near off out up down
        like i me my mine we us our ours you your yours he him his she her hers it its they
        them their theirs one ones oneself himself herself itself themselves ourselves myself
        is are was were be been being am do does did done have has had having will would shall
        should can could may might must ought
        not never also too very just only even still already again further furthermore
        moreover however therefore thus hence meanwhile instead indeed perhaps maybe otherwise
        besides here there now today yesterday tomorrow tonight later earlier soon ago once
        twice same other another such own much many more most less least few several various
        whole entire certain
        said says say saying told tells tell asked asks added adds noted stated announced
        according reported reporting quoted quoting
        yes please thank thanks
        """.split()
    )
    | COURTESY_TITLES
)
# Verbs that give their object a name or a description after "as" or as a second
# object: "described Ruiz as a liar", "called him a hero", "referred to Kim as X".
NAMING_VERBS = frozenset(
    """
    call dub brand label name nickname term describe characterize characterise portray
    depict paint cast refer see view regard hail denounce dismiss deride mock praise
    """.split()
)
# The commonest of them: articles, conjunctions, prepositions, relative pronouns and
# auxiliaries, none of which can be the noun a modifier before it describes.
CORE_FUNCTION_WORDS = frozenset(
    "and or of in on at to from by for with who which that is are was were has have had will "
    "would the a an as but not than".split()
)
# Function words and pronouns, which say more about grammar than about framing, for word
# counts. Kept short on purpose: modal and reporting verbs ("would", "could", "said",
# "claimed") stay countable, since hedging and attribution are part of how an outlet
# frames a story.
STOPWORDS = frozenset(
    """
    a an the and or but nor if then so as than that this these those
    of in on at to from by with for about into over under between through during
    before after against without within upon
    is are was were be been being am
    do does did has have had having
    i me my we us our you your he him his she her it its they them their
    there here what which who whom whose
    not no
    """.split()
)

# Numbers written as words, and the words that scale the number before them ("2.5 million").
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen
        fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
    "billion": 1_000_000_000, "dozen": 12,
}  # fmt: skip
SCALE_WORDS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
