"""Czech text becomes the same terms however people type it, for both backends (both index these terms)."""

import pytest

from search.analysis import analyze, fold, stem
from search.synonyms import analysed_rules, expand_groups, parse_rules


@pytest.mark.parametrize("variants", [
    ["občanka", "občanky", "obcanka", "OBČANKU"],
    ["průkaz", "průkazu", "prukaz", "průkazy"],
    ["živnostenský", "živnostenského", "zivnostensky"],
])
def test_inflections_and_missing_diacritics_meet_at_one_term(variants):
    assert len({tuple(analyze(word)) for word in variants}) == 1


@pytest.mark.parametrize("unaccented, accented, expected", [
    # Snowball's Czech stemmer knows these endings only with their diacritics (-ých, -ách, -ům, -ě).
    ("mestskych", "městských", "mestsk"), ("skolach", "školách", "skol"), ("rodicum", "rodičům", "rodic"),
    ("deti", "děti", "det"),
])
def test_unaccented_words_reach_the_term_of_the_accented_ones(unaccented, accented, expected):
    assert stem(unaccented) == stem(accented) == expected


def test_unaccented_stop_words_are_dropped_too():
    assert analyze("uz jiz vyrizeno") == analyze("už již vyřízeno") == [stem("vyřízeno")]


@pytest.mark.parametrize("phrase, query", [
    ("poplatek ze psů", "poplatek ze psu"), ("ztráty a nálezy", "ztraty a nalezy"),
    ("společnost s ručením omezeným", "spolecnost s rucenim omezenym"), ("výpis z katastru", "vypis z katastru"),
])
def test_multi_word_synonyms_with_stop_words_match_however_they_are_typed(phrase, query):
    terms = analyze(query)
    assert tuple(terms) in {left for lefts, _rights in analysed_rules() for left in lefts}
    assert tuple(analyze(phrase)) == tuple(terms)
    assert expand_groups(terms)  # the rule fires, at the positions the query's words have


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


def test_czech_names_in_ukrainian_text_are_analysed_as_czech():
    # Ukrainian pages keep Czech names for the counter: they meet the Czech query's terms, and Czech stop words
    # ("a", "je", "to") drop out of them as out of a Czech text.
    assert analyze("довідка (potvrzení o pobytu)", "uk") == [stem("довідка", "uk"), *analyze("potvrzení o pobytu")]
    assert analyze("a je to", "uk") == []
    assert stem("občanky", "uk") == stem("občanka") == stem("občanka", "cs")
