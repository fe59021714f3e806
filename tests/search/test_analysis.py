"""Czech text becomes the same terms however people type it."""

import pytest

from search.analysis import analyze, fold
from search.synonyms import expand_groups, parse_rules


@pytest.mark.parametrize("variants", [
    ["občanka", "občanky", "obcanka", "OBČANKU"],
    ["průkaz", "průkazu", "prukaz", "průkazy"],
    ["živnostenský", "živnostenského", "zivnostensky"],
])
def test_inflections_and_missing_diacritics_meet_at_one_term(variants):
    assert len({tuple(analyze(word)) for word in variants}) == 1


def test_stop_words_are_dropped_and_abbreviations_kept_whole():
    assert analyze("Jak si mám založit s.r.o.?") == [analyze("založit")[0], "sro"]


def test_fold_removes_diacritics_and_case():
    assert fold("Řidičský PRŮKAZ") == "ridicsky prukaz"


def test_solr_rules_parse_equivalents_and_one_way_mappings():
    rules = parse_rules(["# komentář", "občanka, občanský průkaz", "řidičák => řidičský průkaz", ""])
    assert rules == [(["občanka", "občanský průkaz"], ["občanka", "občanský průkaz"]),
                     (["řidičák"], ["řidičský průkaz"])]


def test_synonyms_from_the_shared_file_expand_colloquial_words():
    terms = analyze("datovka")
    groups = expand_groups(terms)
    extra = {value for _positions, values in groups for value in values}
    assert set(analyze("datová schránka")) <= extra
