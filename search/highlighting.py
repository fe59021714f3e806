"""What a result shows of why it matched, and "did you mean": from the query plans' terms, in every backend.

Matching is by terms (search.analysis), so the words to mark are those whose term the plan of the result's
language looked for, found in the document's own text; Elasticsearch's highlighter would need its own analysis
of the text to do the same.

"Did you mean" offers only a phrase the index holds: the words of a result's own text whose terms are, in the
query's order, what the query's words were corrected to (stop words may stand between them, as they do in
"poplatek ze psů"). A corrected query that no result spells out as a phrase gets no suggestion, rather than one
glued together from the query's words and corrected stems ("přehlásit trvalého").
"""

import html
import re

from .analysis import DEFAULT_LANGUAGE, is_stop_word, term, words
from .planning import SYNONYM

SNIPPET_WIDTH = 200
# At most this many stop words between two words of a suggested phrase.
MAX_GAP = 2


def highlight(summary, body, matched_terms, language=DEFAULT_LANGUAGE):
    """The summary, or the part of the body that matched, with the matched words in <mark>."""
    for text in (summary, body.replace("\n", " ")):
        tokens = re.split(r"(\w+)", text)
        marked_positions = [i for i, token in enumerate(tokens)
                            if token and term(token.lower(), language) in matched_terms]
        if not marked_positions:
            continue
        if text is not summary:
            start = max(0, marked_positions[0] - 12)
            tokens = tokens[start:start + 60]
            marked_positions = [i - start for i in marked_positions if start <= i < start + 60]
            prefix, suffix = "… ", " …"
        else:
            prefix = suffix = ""
        marked = set(marked_positions)
        pieces = [f"<mark>{html.escape(t)}</mark>" if i in marked else html.escape(t) for i, t in enumerate(tokens)]
        return prefix + "".join(pieces).strip() + suffix
    return html.escape(summary[:SNIPPET_WIDTH])


def suggestion(plans, texts):
    """The first phrase of the results' texts that spells the corrected query, or "" (see the module's docstring).

    `plans` are the query's plans by language (search.planning.plan_languages); `texts` the (language, text) of
    the results shown, best first.
    """
    for language, text in texts:
        plan = plans.get(language)
        if plan is None or not plan.corrections:
            continue
        # A synonym is another word for the query's: the phrase spells the query's own words.
        groups = [{value for value, factor in plan.variants.get(index, {}).items() if factor != SYNONYM}
                  for index in range(len(plan.terms))]
        phrase = find_phrase(text, groups, language)
        if phrase:
            return phrase
    return ""


def find_phrase(text, groups, language=DEFAULT_LANGUAGE):
    """The words of `text` whose terms fall, in order, one in each group of terms; None when none do."""
    if not groups or not all(groups):
        return None
    tokens = [(word, is_stop_word(word, language), term(word, language)) for word in words(text)]
    for start, (_word, is_stop, value) in enumerate(tokens):
        if is_stop or value not in groups[0]:
            continue
        end = _phrase_end(tokens, start, groups)
        if end is not None:
            return " ".join(word for word, _is_stop, _value in tokens[start:end + 1])
    return None


def _phrase_end(tokens, start, groups):
    position = start
    for group in groups[1:]:
        gap = 0
        position += 1
        while position < len(tokens) and tokens[position][1] and gap < MAX_GAP:
            position, gap = position + 1, gap + 1
        if position >= len(tokens) or tokens[position][1] or tokens[position][2] not in group:
            return None
    return position
