"""Where a situation stands in the step-by-step journeys that pass through it ("Začínám podnikat", step 2 of 6).

SituationPage.journey_places reads the steps in one query whatever the number of journeys, so a situation page
costs the same with or without them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class JourneyPlace:
    journey: object  # the JourneyPage
    steps: tuple  # JourneySteps of live situations, in order
    current: int  # the index of the situation's step

    @property
    def number(self):
        return self.current + 1

    @property
    def previous(self):
        return self.steps[self.current - 1] if self.current > 0 else None

    @property
    def next(self):
        return self.steps[self.current + 1] if self.current + 1 < len(self.steps) else None


def places_of(situation, rows):
    """The journeys in `rows` (JourneySteps of the journeys with a step on `situation`, by journey and order),
    each with all its steps and the situation's place."""
    by_journey = {}
    for row in rows:
        by_journey.setdefault(row.page_id, (row.page, []))[1].append(row)
    places = []
    for journey, steps in by_journey.values():
        current = next(index for index, step in enumerate(steps) if step.situation_id == situation.pk)
        places.append(JourneyPlace(journey, tuple(steps), current))
    return places
