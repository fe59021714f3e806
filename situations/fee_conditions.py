"""A service's fees may depend on the guide's answers; the questions are those of the situations using the service.

A fee's condition (services.models.ServiceFee.condition) is written like a step's, `psu = jeden; duchodce = ne`,
once, on the service: the fact "this tariff is for one dog of a holder who is not a pensioner" belongs to the fee.
Each situation that shows the fee judges it with its own questions and the visitor's answers (guide.judge_fee); a
situation that does not ask a question the condition names leaves the fee undecided, and its label says for whom
it is. So the key `psu` must mean the same wherever it is asked: at least one situation using the service asks it, and
each option the condition names is offered by one of them. A situation whose question lacks an option simply
never chooses it: the ID card's free tariff (`duvod = prvni, platnost`) never applies on the lost-wallet page,
whose `duvod` offers only loss and theft. Both the service's edit
form (through the checker registered with services.fees) and the demo loader hold conditions to that.
"""

from django.utils.translation import gettext as _

from .guide import Condition, ConditionError, Question


def errors_against(text, situations):
    """What is wrong with a fee condition, given the (title, questions) of the situations using its service."""
    try:
        condition = Condition.parse(text)
    except ConditionError as error:
        return [str(error)]
    errors = []
    for clause in condition.clauses:
        asking = [question for _title, questions in situations for question in questions
                  if question.key == clause.question]
        if not asking:
            errors.append(_("Na otázku „%(key)s“ se neptá žádná situace, která službu používá.")
                          % {"key": clause.question})
            continue
        known = {option.key for question in asking for option in question.options}
        for key in sorted(clause.options - known):
            errors.append(_("Otázka „%(question)s“ nemá volbu „%(key)s“ v žádné situaci, která službu používá.")
                          % {"question": clause.question, "key": key})
    return errors


def fee_condition_errors(service, text):
    """The check of services.fees.condition_errors: against the live questions of the situations using `service`."""
    from .models import SituationPage

    if service.pk is None:
        situations = []
    else:
        pages = (SituationPage.objects.filter(steps__services=service).distinct()
                 .prefetch_related("questions").order_by("title"))
        situations = [(page.title, [Question.from_model(row) for row in page.questions.all()]) for page in pages]
    return errors_against(text, situations)
