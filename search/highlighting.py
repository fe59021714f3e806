"""What a result shows of why it matched, and "did you mean": from the query plan's terms, in every backend.

Matching is by terms (search.analysis), so the words to mark are those whose term the plan looked for, found in
the document's own text; Elasticsearch's highlighter would need its own analysis of the text to do the same.
"""

import html
import re

from .analysis import term, words

SNIPPET_WIDTH = 200


def highlight(summary, body, matched_terms):
    """The summary, or the part of the body that matched, with the matched words in <mark>."""
    for text in (summary, body.replace("\n", " ")):
        tokens = re.split(r"(\w+)", text)
        marked_positions = [i for i, token in enumerate(tokens) if token and term(token.lower()) in matched_terms]
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


def suggestion(query, plan, top_text=""):
    """The query with each corrected word replaced, spelt as the best result writes it ("" without corrections).

    `top_text` is the first result's title, summary and body, when the first page is shown.
    """
    corrected_words = {}
    for word in words(query):
        wanted = plan.corrections.get(term(word))
        if wanted:
            corrected_words[word] = next((w for w in words(top_text) if term(w) == wanted), wanted)
    if not corrected_words:
        return ""
    return " ".join(corrected_words.get(word, word) for word in words(query))
