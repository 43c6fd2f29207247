"""Closed lists of general English words the entity rules read (never story-specific;
the lists other parts of Slant share live in framing.wordlists)."""

from __future__ import annotations

import re

from framing.wordlists import (
    DAYS,
    DETERMINERS,
    MONTH_WORDS,
    POSSESSIVE_DETERMINERS,
)

APPOSITIVE_DETERMINERS = DETERMINERS | POSSESSIVE_DETERMINERS


MONTHS_AND_DAYS = MONTH_WORDS | DAYS


# Words that usually act as verbs when they stand right before a name ("met Haftar").
VERBS_BEFORE_NAMES = frozenset(
    """
    met meets meet called calls call accused accuses blamed blames praised praises urged
    urges warned warns thanked thanks welcomed welcomes invited invites named names
    appointed appoints replaced replaces succeeded succeeds fired fires joined joins
    visited visits backed backs supported supports attacked attacks killed kills ousted
    ousts defeated defeats elected elects nominated nominates criticized criticised
    criticizes criticises condemned condemns described describes hosted hosts received
    receives phoned calling meeting including led leads let lets made makes see saw seen
    give gives gave given tell send sends sent show shows showed help helps helped offer
    offers offered pay pays paid beat beats thank ask urge meet join replace name elect
    """.split()
)


REPORTING_VERBS = frozenset(
    """
    said says told added stressed noted explained wrote tweeted argued insisted warned
    announced claimed confirmed denied accused urged called asked replied responded
    declared vowed pledged threatened spoke
    """.split()
)


# Titles and ranks written before a name. Multi-word titles ("Field Marshal", "Prime
# Minister") need only their last word here: the label runs to the last title word.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx messrs dr prof professor sir dame lord lady hon
    president presidents premier chancellor minister secretary commissioner governor gov
    mayor senator sen representative rep congressman congresswoman assemblyman
    speaker chairman chairwoman chairperson chair director ambassador amb envoy emissary
    consul judge justice attorney counsel prosecutor sheriff
    king queen prince princess emperor empress sultan emir sheikh shaikh crown
    ayatollah imam mufti pope cardinal archbishop bishop reverend rev father rabbi pastor
    general gen marshal major maj colonel col lieutenant lt captain capt commander cmdr
    admiral adm brigadier brig sergeant sgt corporal cpl private pvt commodore
    commander-in-chief secretary-general
    chief leader head spokesman spokeswoman spokesperson mediator negotiator
    """.split()
)


# Relatives: a person introduced as one ("his son, Seth Hutchinson") is not the default
# bearer of the family name.
KIN_NOUNS = frozenset(
    """
    wife husband spouse son daughter brother sister mother father parent child
    widow widower nephew niece cousin uncle aunt grandson granddaughter grandfather
    grandmother stepson stepdaughter stepfather stepmother son-in-law daughter-in-law
    brother-in-law sister-in-law father-in-law mother-in-law
    """.split()
)


FIRST_SPOUSE = (["first", "lady"], ["first", "gentleman"])


# Titles and nouns beside a name that tell its bearer's gender ("Mr.", "his son").
MALE_WORDS = frozenset(
    """
    mr sir lord king prince emperor sultan emir sheikh pope cardinal archbishop bishop
    father son brother husband uncle nephew grandfather grandson widower stepfather stepson
    congressman assemblyman chairman spokesman businessman councilman boyfriend
    """.split()
)
FEMALE_WORDS = frozenset(
    """
    mrs ms miss dame lady queen princess empress mother daughter sister wife aunt niece
    grandmother granddaughter widow stepmother stepdaughter congresswoman assemblywoman
    chairwoman spokeswoman businesswoman councilwoman girlfriend actress
    """.split()
)


# Abbreviated titles and the word each stands for: "Gov. Asa Hutchinson" is titled
# governor, so "the governor" can stand for him.
TITLE_EXPANSIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "pres": "president",
    "gen": "general", "lt": "lieutenant", "col": "colonel", "maj": "major",
    "capt": "captain", "cpt": "captain", "sgt": "sergeant", "cpl": "corporal",
    "pvt": "private", "adm": "admiral", "brig": "brigadier", "cmdr": "commander",
    "cdr": "commander", "amb": "ambassador", "prof": "professor", "dr": "doctor",
    "rev": "reverend", "supt": "superintendent", "insp": "inspector", "atty": "attorney",
}  # fmt: skip


# Lower-case role nouns a descriptor ends in ("rebel leader", "UN special envoy").
ROLE_NOUNS = (
    TITLE_WORDS
    | KIN_NOUNS
    | frozenset(
        """
    dictator strongman warlord tyrant despot autocrat ruler monarch regent
    official officer diplomat delegate spokesman adviser advisor aide assistant deputy
    nominee candidate contender frontrunner challenger incumbent successor predecessor
    lawmaker legislator politician statesman official founder cofounder owner boss
    executive ceo chief head manager administrator coordinator inspector investigator
    analyst expert scholar scientist economist historian researcher author writer
    journalist reporter correspondent editor columnist commentator anchor host
    activist militant rebel insurgent terrorist jihadist extremist fighter gunman mercenary
    cleric preacher priest
    businessman businesswoman tycoon magnate mogul billionaire millionaire entrepreneur
    ally rival opponent critic supporter counterpart partner friend foe enemy
    agent spy operative strategist lobbyist donor whistleblower dissident defector
    prisoner detainee suspect defendant plaintiff victim witness
    veteran hero icon figure star celebrity actor actress singer player coach
    runner voice architect champion loyalist confidant protege hardliner
    wife husband son daughter brother sister mother father uncle aunt widow heir
    resident citizen student teacher doctor physician lawyer
    president vice-president
    """.split()
    )
)


# Lower-case words that end like role nouns (-er, -or, -ist) but name no role.
NOT_ROLE_NOUNS = frozenset(
    """
    after other another under over never ever however whether either neither rather
    together later earlier further former latter order border number matter letter water
    power paper center centre corner summer winter quarter chapter register
    minor senior junior prior interior exterior superior inferior error floor door
    factor sector color colour honor honour labor labour favor favour behavior behaviour
    motor mirror meteor tractor vector horror terror corridor
    list mist
    """.split()
)


ROLE_SUFFIXES = ("er", "or", "ist", "man", "woman", "ee")


# Heads of organisation names: "Government of National Accord", "Ministry of Defense".
ORG_HEADS = frozenset(
    """
    government ministry council department committee commission office bureau agency army
    forces force party union league court university institute bank republic kingdom
    federation organization organisation association mission assembly parliament congress
    senate house board authority corporation company group front movement alliance
    coalition center centre school college academy foundation fund service services
    command guard navy police church network agency news times post dept
    """.split()
)


# Words after "TITLE of" that complete the title ("Secretary of State", "Minister of
# Foreign Affairs") rather than name the person.
PORTFOLIO_WORDS = frozenset(
    """
    state defense defence foreign affairs interior justice finance health education
    commerce energy agriculture labor labour transport transportation treasury homeland
    security home war economy trade staff information culture tourism environment
    """.split()
)


# Lower-case words inside a name ("Muammar al Gaddafi", "Ursula von der Leyen"); the
# hyphenated prefixes ("al-Serraj", "as-Sisi") admit a few more.
NAME_PARTICLES = frozenset(
    "al el bin ibn abu ben bint de da di du del della dos das van von der den ter le la".split()
)


PREFIX_PARTICLES = NAME_PARTICLES | frozenset("ad ash as at az an ar ul d l o".split())


# Lower-case words that premodify a capitalised title ("former President", "then-Senator").
TITLE_PREMODIFIERS = frozenset(
    """
    former retired late then acting interim deputy outgoing incoming ousted exiled deposed
    embattled disgraced self-proclaimed self-styled so-called longtime long-time veteran
    de facto would-be newly elected top senior junior chief first
    """.split()
)


# Endings of lower-case adjectives ("revolutionary", "authoritarian", "reclusive").
ADJECTIVE_SUFFIXES = (
    "al",
    "ic",
    "ive",
    "ous",
    "ful",
    "less",
    "ary",
    "ian",
    "ent",
    "ant",
    "ible",
    "able",
)


PREPOSITIONS = frozenset("of for to in at from with on by over under about against".split())


DEMONYM_SUFFIXES = ("an", "ian", "ish", "ese", "i", "ch")


MAX_DESCRIPTOR_WORDS = 6


MAX_APPOSITIVE_WORDS = 12


PARTICLE_PREFIX_RE = re.compile(rf"^(?:{'|'.join(sorted(PREFIX_PARTICLES))})[-'’](?=[A-Z])")


INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.){2,}")


# A token after one of these opens a clause: a colon, an opening quote, bracket or dash.
INITIAL_GAP_CHARS = frozenset(':"“‘«(—[')
