"""A document a person brings, one row of a "Co s sebou" list: a service's, a situation's or a plan's.

A row says whether the original is needed and carries notes: when the document is needed and, on a situation's
checklist, the condition it depends on while the visitor has not answered the question. A plan lists a document
once, with the notes of every situation that needs it (`merged`).
"""

from dataclasses import dataclass

from .snippets import RequiredDocument


@dataclass(frozen=True)
class DocumentNote:
    """What one list says about the document."""

    applies_when: str = ""
    # The situation whose list this is (a SituationPage); None on a service's own list.
    situation: object = None
    # Whether it applies to this visitor (situations.guide.Verdict): `conditional` and `condition` while undecided.
    verdict: object = None

    @property
    def condition(self):
        """The undecided condition in the visitor's words, or ""."""
        return self.verdict.condition if self.verdict is not None else ""


@dataclass(frozen=True)
class DocumentRow:
    document: RequiredDocument
    original: bool
    notes: tuple = ()

    @classmethod
    def of(cls, requirement, situation=None, verdict=None):
        """The row of one required document (a ServiceDocument or SituationDocument)."""
        note = DocumentNote(requirement.applies_when, situation, verdict)
        return cls(requirement.document, requirement.form == requirement.Form.ORIGINAL, (note,))

    @property
    def name(self):
        return self.document.name

    @property
    def fetched(self):
        """The office fetches it from the base registers itself: the person need not bring it."""
        return self.document.fetched_by_office

    @property
    def issued_by(self):
        """The live service that issues the document ("Nemáte ho?"), if there is one."""
        service = self.document.issued_by
        return service if service is not None and service.live else None


def merged(rows):
    """Each document once, in the order first needed: the original if any list wants it, with all their notes."""
    by_document = {}
    for row in rows:
        known = by_document.get(row.document.pk)
        by_document[row.document.pk] = row if known is None else DocumentRow(
            known.document, known.original or row.original, known.notes + row.notes)
    return list(by_document.values())
