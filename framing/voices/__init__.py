"""Who said what: attributions (content, cue, source) from the parsed reading.

Direct speech is a quotation linked to a reporting verb ("…," Mr. Steele said; said Rep.
Zoe Lofgren: "…"; Haftar was quoted as saying "…"), or continuing the quotation before it
(the next quotation of the same paragraph, a quotation that runs over several
paragraphs). Indirect speech is the clause a reporting verb governs ("X told the AP that
…", "X accused Y of …", "according to X, …"). The source is the verb's subject (or the
object of "according to", the agent of a passive, the subject of the clause that "saying"
hangs from), named by the shortest words that name it; it becomes a speaker when it is,
or points back to, an entity of the story (resolve_speakers). A place or nationality that
only modifies the source ("Los Angeles lawyer Nora Phillips", "Iranian officials") is
never the speaker.

The package's files follow the stages: ``words`` (the classes of reporting verbs and
nouns), ``sources`` (who speaks), ``content`` (what is said, without the writer's asides;
"according to"; nouns of saying), ``cues`` (every reporting verb, speaker tag and noun of
saying of a text, with its source and content), ``direct`` (the cue of each quotation)
and ``attributions`` (an article's attributions, their speakers, and reported words by
speaker).
"""

from framing.voices.attributions import (
    find_attributions,
    find_speech,
    resolve_speakers,
    score_voices,
)
from framing.voices.direct import MIN_SPEECH_WORDS

__all__ = [
    "MIN_SPEECH_WORDS",
    "find_attributions",
    "find_speech",
    "resolve_speakers",
    "score_voices",
]
