"""What a citizen pays and what they receive: the fee rows of the services a checklist uses, and the totals.

A fee row says what it is. Its period (one-off, yearly, monthly, per item) keeps a yearly dog fee from being added
to a one-off registration fee: a total is one figure per period. Its kind tells a fee paid from a benefit received
(porodné): benefits are listed apart and never enter a total. A row may belong to a group of tariffs of which exactly
one applies (a passport for an adult or for a child); the total never adds them up, and where the guide's answers
do not decide which one is the visitor's, it says which tariff is for whom. A row may be optional (an express
surcharge, a vanity plate, a further page): it is paid only by those who choose it or whom it concerns. And a row
may carry a condition on the guide's answers, written like the conditions of steps; the situation showing the fee
judges it with its own questions and the visitor's answers (`fee_rows` takes that judgement as a function, so this
module stays below the situations that ask the questions).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeePeriod(models.TextChoices):
    ONCE = "once", _("jednorázově")
    YEARLY = "yearly", _("ročně")
    MONTHLY = "monthly", _("měsíčně")
    PER_ITEM = "per_item", _("za kus")
    # A benefit paid out over time up to an amount in all (rodičovský příspěvek).
    TOTAL = "total", _("celkem")


class FeeKind(models.TextChoices):
    FEE = "fee", _("platíte")
    BENEFIT = "benefit", _("dostanete")


# The periods a total adds up, in the order a total names them; per-item fees are never added.
SUMMED_PERIODS = (FeePeriod.ONCE, FeePeriod.YEARLY, FeePeriod.MONTHLY)


class Status(models.TextChoices):
    """How one fee row stands for the visitor, after the guide's answers and the row's tariff group."""

    APPLIES = "applies", _("platíte")
    TARIFF = "tariff", _("jedna ze sazeb")  # one of several tariffs; which one depends on what the guide does not ask
    EXTRA = "extra", _("jen na přání nebo jen někdy")
    CONDITIONAL = "conditional", _("jen pokud")  # depends on a question the visitor has not answered yet


@dataclass(frozen=True)
class Judgement:
    """Whether a fee's condition holds for this visitor: True, False or None (undecided), and while undecided,
    the condition in the visitor's words ("" when the situation does not ask the question)."""

    applies: bool | None = True
    condition: str = ""
    # The visitor's answers made the condition hold (not merely: the row has no condition to judge).
    confirmed: bool = False


UNCONDITIONAL = Judgement()


@dataclass(frozen=True)
class FeeRow:
    """One fee of a service, as a fee table shows it."""

    service: object  # the ServicePage
    fee: object  # its ServiceFee
    # The service is used only by steps not everyone takes, so the fee may not apply.
    optional: bool = False
    # On a service's first row, how many rows the service has (a table's rowspan); 0 on the others.
    span: int = 0
    status: str = Status.APPLIES
    judgement: Judgement = UNCONDITIONAL

    @property
    def benefit(self):
        return self.fee.kind == FeeKind.BENEFIT

    @property
    def counted(self):
        """Whether the row enters the total: a fee everyone in the situation pays, decided for this visitor."""
        return not self.optional and not self.benefit and self.status == Status.APPLIES

    @property
    def condition(self):
        return self.judgement.condition if self.status == Status.CONDITIONAL else ""


def fee_rows(services, optional=frozenset(), judge=None):
    """The fee rows of the services in their order; `optional` holds the pks of the services not everyone uses.

    `judge(fee)` tells whether a fee's condition holds for the visitor (a Judgement); rows it rules out are left
    out. Without it (a service's own page) every row stands, judged only by its tariff group and whether it is
    optional.
    """
    rows = []
    for service in services:
        fees = [(fee, judge(fee) if judge and fee.condition else UNCONDITIONAL) for fee in service.fees.all()]
        fees = [(fee, judgement) for fee, judgement in fees if judgement.applies is not False]
        statuses = _statuses(fees)
        rows += [FeeRow(service, fee, service.pk in optional, len(fees) if index == 0 else 0, statuses[index],
                        judgement)
                 for index, (fee, judgement) in enumerate(fees)]
    return rows


def _statuses(fees):
    """Each row's Status, in the rows' order. A group's tariffs exclude each other: exactly one applies."""
    statuses = []
    groups = {}
    for fee, judgement in fees:
        if fee.tariff_group:
            groups.setdefault(fee.tariff_group, []).append((fee, judgement))
    decided = {name: _decided_tariff(members) for name, members in groups.items()}
    for fee, judgement in fees:
        if fee.tariff_group:
            chosen = decided[fee.tariff_group]
            if fee.optional and not judgement.confirmed:
                statuses.append(Status.EXTRA)
            elif chosen is None:
                statuses.append(Status.TARIFF)
            else:
                statuses.append(Status.APPLIES if fee is chosen else Status.EXTRA)
        elif fee.optional and not judgement.confirmed:
            statuses.append(Status.EXTRA)
        elif judgement.applies is None:
            statuses.append(Status.CONDITIONAL)
        else:
            statuses.append(Status.APPLIES)
    return statuses


def _decided_tariff(members):
    """The one tariff of a group that is the visitor's, or None while several remain possible.

    Optional tariffs (express issue, a vanity plate) are chosen only by those who want them, so they never decide
    a group. A tariff whose condition the answers confirmed wins over those without a condition.
    """
    base = [(fee, judgement) for fee, judgement in members if not fee.optional or judgement.confirmed]
    confirmed = [fee for fee, judgement in base if judgement.confirmed]
    if len(confirmed) == 1:
        return confirmed[0]
    if len(base) == 1 and base[0][1].applies is True:
        return base[0][0]
    return None


@dataclass(frozen=True)
class PeriodSum:
    period: str  # FeePeriod
    amount: Decimal

    @property
    def label(self):
        return FeePeriod(self.period).label


@dataclass(frozen=True)
class TariffChoice:
    """A tariff group of a service whose tariff depends on something the guide does not know: who pays what."""

    service: object
    rows: tuple  # FeeRow, each a tariff with its label saying for whom


@dataclass(frozen=True)
class FeeTotal:
    """What the services everyone in the situation uses cost: one sum per period, never adding different periods
    or tariffs that exclude each other."""

    sums: tuple = ()  # PeriodSum for one-off, yearly and monthly fees, in that order, only those with a fee
    per_item: tuple = ()  # FeeRow of fees paid per item (a plate, a page): never added up
    choices: tuple = ()  # TariffChoice: the visitor pays one of these tariffs
    # Some fees apply only to some people (optional steps, extras, undecided conditions): the total may grow.
    more_possible: bool = False
    benefits: tuple = ()  # FeeRow of benefits the visitor may receive, shown apart

    @property
    def paid_sums(self):
        """The sums above zero: a one-off fee of nothing beside a yearly one is not worth a word."""
        return tuple(row for row in self.sums if row.amount)

    @property
    def free(self):
        """Nothing to pay for certain: no sum above zero, nothing per item, no tariff to choose."""
        return not any(row.amount for row in self.sums) and not self.per_item and not self.choices



def fee_total(rows):
    """The total of fee rows (FeeRow) as FeeTotal: only rows counted for everyone, each fee once."""
    rows = list(unique_rows(rows))
    sums = {}
    per_item, choices = [], {}
    for row in rows:
        if row.benefit or row.optional:
            continue
        if row.status == Status.APPLIES:
            if row.fee.period == FeePeriod.PER_ITEM:
                per_item.append(row)
            else:
                sums[row.fee.period] = sums.get(row.fee.period, Decimal(0)) + row.fee.amount
        elif row.status == Status.TARIFF:
            choices.setdefault((row.service.pk, row.fee.tariff_group), []).append(row)
    by_service = {row.service.pk: row.service for row in rows}
    return FeeTotal(
        sums=tuple(PeriodSum(period, sums[period]) for period in SUMMED_PERIODS if period in sums),
        per_item=tuple(per_item),
        choices=tuple(TariffChoice(by_service[pk], tuple(members)) for (pk, _group), members in choices.items()),
        more_possible=any(not row.benefit and (row.optional or row.status in (Status.EXTRA, Status.CONDITIONAL))
                          for row in rows),
        benefits=tuple(row for row in rows if row.benefit),
    )


def unique_rows(rows):
    """Each fee once, in order: a service two steps or two situations use is paid once."""
    seen = set()
    for row in rows:
        key = (row.service.pk, row.fee.pk if row.fee.pk is not None else id(row.fee))
        if key not in seen:
            seen.add(key)
            yield row


def merged(row_lists):
    """The fee rows of several checklists (a plan's situations), each service once, in the order first used.

    A service two situations share is paid once; its rows come from the situation that tells the most about the
    visitor: where everyone uses the service, and where the answers decided the most tariffs and conditions.
    """
    by_service, order = {}, []
    for rows in row_lists:
        for pk, service_rows in _by_service(rows):
            if pk not in by_service:
                order.append(pk)
                by_service[pk] = service_rows
            elif _undecided(service_rows) < _undecided(by_service[pk]):
                by_service[pk] = service_rows
    return [row for pk in order for row in by_service[pk]]


def _by_service(rows):
    groups = {}
    for row in rows:
        groups.setdefault(row.service.pk, []).append(row)
    return groups.items()


def _undecided(rows):
    """How little a service's rows say about the visitor: optional use first, then undecided rows."""
    return (any(row.optional for row in rows),
            sum(row.status in (Status.TARIFF, Status.CONDITIONAL) for row in rows))


# Who checks a fee's condition. The questions a condition names belong to the situations that use the service,
# which sit above this app, so they register a checker here: checker(service, text) -> list of errors.
_condition_checkers = []


def check_conditions_with(checker):
    if checker not in _condition_checkers:
        _condition_checkers.append(checker)
    return checker


def condition_errors(service, text):
    """What is wrong with a fee's condition, in editors' words (nothing when no checker is registered)."""
    if not text.strip():
        return []
    return [error for checker in _condition_checkers for error in checker(service, text)]
