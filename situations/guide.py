"""Guided questions: what a situation asks, what a condition on a step means, and what a visitor answered.

Editors give a situation a few questions, each with options written one per line. Steps, documents,
deadlines and services carry a condition on the answers in a small written form:

    odkud = jina-obec, zahranici       the answer to "odkud" is one of these options
    mam != auto                        the visitor did not choose "auto"
    odkud = jina-obec; mam = pes       both must hold

A condition evaluates to True, False, or None when the visitor has not answered a question it needs. An
unanswered condition keeps its item on the checklist with the condition spelled out, so a checklist with no
answers shows every step.
"""

import datetime
import re
from dataclasses import dataclass, field

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import slugify
from django.utils.translation import gettext as _

from navigator import choice_widgets
from navigator.pagecache import TRACKING_PARAMETERS
from services.fees import Judgement

SUBMITTED_FIELD = "pruvodce"
DATE_FIELD = "datum"
MAX_NOTICE_VALUE = 40
# The days the guide counts deadlines from. A visitor's move, birth or death falls well inside; a date outside is a
# typo or a probe, and days added to it could run past the end of the calendar (9999-12-31).
EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2199, 12, 31)


class ConditionError(ValueError):
    """A condition an editor wrote that cannot be read or names an unknown question or option."""


@dataclass(frozen=True)
class Option:
    key: str
    label: str


def parse_options(text):
    """Options written one per line, either `klic | Popisek` or just `Popisek` (the key is made from it)."""
    options = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        key, bar, label = line.partition("|")
        key, label = (key.strip(), label.strip()) if bar else (slugify(line)[:40], line)
        options.append(Option(slugify(key)[:40], label))
    return options


def option_errors(text):
    options = parse_options(text)
    errors = []
    if len(options) < 2:
        errors.append(_("Otázka potřebuje aspoň dvě volby, každou na samostatném řádku."))
    if any(not option.key or not option.label for option in options):
        errors.append(_("Každá volba potřebuje klíč i popisek („klic | Popisek“)."))
    keys = [option.key for option in options]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        errors.append(_("Klíče voleb se opakují: %(keys)s.") % {"keys": ", ".join(duplicates)})
    return errors


@dataclass(frozen=True)
class Question:
    """What the guide needs of a question: its key in the URL, its wording and its options."""

    key: str
    text: str
    options: tuple
    multiple: bool = False
    help_text: str = ""

    @classmethod
    def from_model(cls, row):
        return cls(row.key, row.text, tuple(parse_options(row.options)), row.multiple, row.help_text)

    def label_of(self, key):
        return next((option.label for option in self.options if option.key == key), key)


_CLAUSE = re.compile(r"^\s*([\w-]+)\s*(!=|=)\s*(.+?)\s*$")


@dataclass(frozen=True)
class Clause:
    question: str
    options: frozenset
    negated: bool = False

    def evaluate(self, answers):
        if self.question not in answers:
            return None
        chosen = bool(answers[self.question] & self.options)
        return not chosen if self.negated else chosen


@dataclass(frozen=True)
class Condition:
    clauses: tuple = ()

    @classmethod
    def parse(cls, text):
        clauses = []
        for part in re.split(r"[;\n]", text or ""):
            if not part.strip():
                continue
            match = _CLAUSE.match(part)
            if not match:
                raise ConditionError(
                    _("Podmínce „%(part)s“ nerozumíme. Pište „otazka = volba“ nebo „otazka != volba“.")
                    % {"part": part.strip()}
                )
            question, operator, options = match.groups()
            keys = frozenset(key.strip() for key in options.split(",") if key.strip())
            clauses.append(Clause(question, keys, negated=operator == "!="))
        return cls(tuple(clauses))

    def __bool__(self):
        return bool(self.clauses)

    def evaluate(self, answers):
        """True when every clause holds, False when one fails, None when one cannot be decided yet."""
        verdicts = [clause.evaluate(answers) for clause in self.clauses]
        if False in verdicts:
            return False
        if None in verdicts:
            return None
        return True

    def errors(self, questions):
        """What is wrong with this condition against the questions of its situation, in editors' words."""
        by_key = {question.key: question for question in questions}
        errors = []
        for clause in self.clauses:
            question = by_key.get(clause.question)
            if question is None:
                errors.append(_("Otázka „%(key)s“ neexistuje.") % {"key": clause.question})
                continue
            known = {option.key for option in question.options}
            for key in sorted(clause.options - known):
                errors.append(_("Otázka „%(question)s“ nemá volbu „%(key)s“.") % {"question": clause.question, "key": key})
            if not clause.options:
                errors.append(_("Zaškrtněte aspoň jednu volbu."))
        return errors + self._impossibilities(by_key)

    def _impossibilities(self, by_key):
        """Clauses on one question that no answer meets: every option excluded, or demands that contradict."""
        errors = []
        for key in dict.fromkeys(clause.question for clause in self.clauses):
            question = by_key.get(key)
            if question is None:
                continue
            every = frozenset(option.key for option in question.options)
            # Options the question lacks are reported above; what is left is judged by the options it has.
            clauses = [Clause(key, clause.options & every, clause.negated) for clause in self.clauses
                       if clause.question == key and clause.options & every]
            if not clauses:
                continue
            excluded = frozenset().union(*(clause.options for clause in clauses if clause.negated))
            if question.multiple:
                # Several options may be ticked, none too: only a demand for options all excluded is impossible.
                impossible = any(not clause.negated and clause.options <= excluded for clause in clauses)
            else:
                allowed = every
                for clause in clauses:
                    allowed = allowed - clause.options if clause.negated else allowed & clause.options
                if excluded and every <= excluded:
                    errors.append(_("Vyloučili jste všechny volby otázky „%(question)s“: tuto podmínku nesplní nikdo.")
                                  % {"question": question.text})
                    continue
                impossible = not allowed
            if impossible:
                errors.append(_("Podmínky u otázky „%(question)s“ si odporují: nesplní je nikdo.")
                              % {"question": question.text})
        return errors

    def describe(self, questions):
        """The condition in the visitor's words, e.g. „Odkud se stěhujete? z jiné obce nebo ze zahraničí“."""
        by_key = {question.key: question for question in questions}
        parts = []
        for clause in self.clauses:
            question = by_key.get(clause.question)
            if question is None:
                continue
            labels = [_lower_first(question.label_of(key)) for key in sorted(clause.options, key=_order_in(question))]
            chosen = _(" nebo ").join(labels)
            if clause.negated:
                chosen = _("ne %(options)s") % {"options": chosen}
            parts.append(f"{question.text} {chosen}")
        return "; ".join(parts)


def _lower_first(label):
    """„Ze zahraničí“ reads „ze zahraničí“ inside a sentence; „EU“ and other capitals further on stay."""
    return label[:1].lower() + label[1:]


def _order_in(question):
    order = {option.key: index for index, option in enumerate(question.options)}
    return lambda key: order.get(key, len(order))


def condition_errors(text, questions):
    try:
        return Condition.parse(text).errors(questions)
    except ConditionError as error:
        return [str(error)]


@dataclass
class Verdict:
    """Whether one conditional item applies to this visitor, and, when it is not decided, why it might."""

    applies: bool | None
    condition: str = ""

    @property
    def conditional(self):
        return self.applies is None


def judge(condition_text, answers, questions):
    try:
        condition = Condition.parse(condition_text)
    except ConditionError:
        # An unreadable condition is an editor's slip: show the item rather than hide it.
        return Verdict(True)
    if not condition:
        return Verdict(True)
    applies = condition.evaluate(answers.chosen)
    return Verdict(applies, condition.describe(questions) if applies is None else "")


def judge_fee(condition_text, answers, questions):
    """Whether a service's fee applies to this visitor (services.fees.Judgement), judged by this situation.

    A fee's condition names the questions of the situations that use its service. A clause on a question this
    situation does not ask stays undecided, and the fee's label then says for whom it is.
    """
    try:
        condition = Condition.parse(condition_text)
    except ConditionError:
        return Judgement(True)
    if not condition:
        return Judgement(True)
    applies = condition.evaluate(answers.chosen)
    return Judgement(applies, condition.describe(questions) if applies is None else "", confirmed=applies is True)


@dataclass
class Answers:
    """What a visitor answered: option keys by question key, only for the questions they answered."""

    chosen: dict = field(default_factory=dict)
    date: object = None
    submitted: bool = False
    notices: list = field(default_factory=list)

    @classmethod
    def none(cls):
        return cls()

    def __bool__(self):
        return bool(self.chosen)

    def describe(self, questions):
        """(question, answer) pairs in the visitor's words, for the top of a printed checklist."""
        pairs = []
        for question in questions:
            if question.key in self.chosen:
                labels = [option.label for option in question.options if option.key in self.chosen[question.key]]
                pairs.append((question.text, ", ".join(labels) or _("nic z toho")))
        return pairs

    def to_query(self, questions, prefix=None):
        """The answers as (parameter, value) pairs in question order: the URL that brings them back."""
        def name(key):
            return f"{prefix}-{key}" if prefix else key

        pairs = [(name(SUBMITTED_FIELD), "1")] if self.submitted or self.chosen else []
        for question in questions:
            chosen = self.chosen.get(question.key, ())
            pairs += [(name(question.key), option.key) for option in question.options if option.key in chosen]
        if self.date:
            pairs.append((name(DATE_FIELD), self.date.isoformat()))
        return pairs


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the options it knows and remembers the ones it does not, instead of refusing the whole answer."""

    def clean(self, value):
        values = self.to_python(value)
        self.unknown = [item for item in values if not self.valid_value(item)]
        return [item for item in values if self.valid_value(item)]


class GuideForm(forms.Form):
    """The questions of one situation as a GET form; with a prefix, one of several in a plan."""

    def __init__(self, questions, data=None, prefix=None, date_label=""):
        super().__init__(data, prefix=prefix)
        self.questions = questions
        self.fields[SUBMITTED_FIELD] = forms.BooleanField(required=False, initial=True, widget=forms.HiddenInput)
        for question in questions:
            choices = [(option.key, option.label) for option in question.options]
            if question.multiple:
                self.fields[question.key] = LenientMultipleChoiceField(
                    label=question.text, choices=choices, required=False, help_text=question.help_text,
                    widget=choice_widgets.CheckboxSelectMultiple)
            else:
                self.fields[question.key] = forms.ChoiceField(
                    label=question.text, choices=choices, required=False, help_text=question.help_text,
                    widget=choice_widgets.RadioSelect)
        if date_label:
            self.fields[DATE_FIELD] = forms.DateField(
                label=date_label, required=False, help_text=_("Lhůty spočítáme od tohoto dne."),
                validators=[MinValueValidator(EARLIEST_DATE), MaxValueValidator(LATEST_DATE)],
                widget=forms.DateInput(format="%Y-%m-%d", attrs={
                    "type": "date", "min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()}))

    @property
    def question_fields(self):
        return [self[question.key] for question in self.questions]

    @property
    def submitted_name(self):
        return self.add_prefix(SUBMITTED_FIELD)

    @property
    def date_field(self):
        return self[DATE_FIELD] if DATE_FIELD in self.fields else None

    @property
    def date_value(self):
        """The date to show back in the form: only one that was read, never raw input."""
        if not self.is_bound or DATE_FIELD not in self.fields or not self.is_valid() and DATE_FIELD in self.errors:
            return ""
        value = self.cleaned_data.get(DATE_FIELD)
        return value.isoformat() if value else ""

    def known_parameters(self):
        return {self.add_prefix(name) for name in self.fields}

    def answers(self):
        """The valid answers, with a notice for each one that had to be ignored. Never raises."""
        if not self.is_bound:
            return Answers()
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        answers = Answers(submitted=bool(cleaned.get(SUBMITTED_FIELD)))
        for question in self.questions:
            field_object = self.fields[question.key]
            if question.key in self.errors:
                raw = self.data.get(self.add_prefix(question.key), "")
                answers.notices.append(_unknown_answer(question, raw))
                continue
            for raw in getattr(field_object, "unknown", []):
                answers.notices.append(_unknown_answer(question, raw))
            value = cleaned.get(question.key)
            if question.multiple:
                # Unticked boxes are an answer too, once the visitor has sent the form.
                if value or answers.submitted:
                    answers.chosen[question.key] = frozenset(value or ())
            elif value:
                answers.chosen[question.key] = frozenset([value])
        if DATE_FIELD in self.fields:
            if DATE_FIELD in self.errors:
                answers.notices.append(self._date_notice())
            else:
                answers.date = cleaned.get(DATE_FIELD)
        return answers

    def _date_notice(self):
        value = notice_value(self.data.get(self.add_prefix(DATE_FIELD), ""))
        codes = {error.code for error in self.errors.as_data()[DATE_FIELD]}
        if codes & {"min_value", "max_value"}:
            return _("Datum „%(value)s“ je mimo roky %(first)s až %(last)s, se kterými počítáme, lhůty proto "
                     "počítáme od dnešního dne.") % {"value": value, "first": EARLIEST_DATE.year,
                                                     "last": LATEST_DATE.year}
        return _("Datum „%(value)s“ neumíme přečíst, lhůty proto počítáme od dnešního dne.") % {"value": value}


def notice_value(value):
    """What a visitor sent, as a notice may quote it: printable characters only, at most MAX_NOTICE_VALUE."""
    value = "".join(character for character in str(value) if character.isprintable())
    return value if len(value) <= MAX_NOTICE_VALUE else value[:MAX_NOTICE_VALUE] + "…"


def _unknown_answer(question, raw):
    return _("Odpověď „%(value)s“ na otázku „%(question)s“ neznáme, proto jsme ji vynechali.") % {
        "value": notice_value(raw), "question": question.text}


def unknown_parameter_notices(query, known):
    """A notice for each query parameter nobody asked for, leaving out other sites' tracking parameters."""
    unknown = [key for key in query if key not in known and not TRACKING_PARAMETERS.match(key)]
    return [_("Parametr „%(name)s“ v adrese neznáme, proto jsme ho vynechali.") % {"name": notice_value(key)}
            for key in unknown[:5]]
