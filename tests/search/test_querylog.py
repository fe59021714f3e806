"""The search query log: personal data never stored, one statement per search, and the editors' report."""

import logging
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError
from django.urls import reverse

from search import querylog
from search.models import QueryStat
from search.querylog import clean, normalise, record, scrub

from tests.search.conftest import LOG_WRITE_SAVEPOINT_QUERIES

DIGITS = re.compile(r"\d")


# -- scrubbing -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, marker, secret", [
    ("ztratil jsem rodný list, rodné číslo 850101/1234", "«rodné číslo»", "850101"),
    ("RČ 8551011234 výpis z rejstříku trestů", "«rodné číslo»", "8551011234"),
    ("rodne cislo 905512 / 3456 matrika", "«rodné číslo»", "905512"),
    # born 2017, a girl, on a day whose serial numbers ran out: month + 70
    ("pas pro dítě 1752311234", "«rodné číslo»", "1752311234"),
    ("důchod otec nar. 480312/123", "«rodné číslo»", "480312"),  # nine digits, born before 1954
    ("jan.novak@seznam.cz přehlášení pobytu", "«e-mail»", "novak"),
    ("Petra.Svobodova+urad@email.cz", "«e-mail»", "svobodova"),
    ("pošlete to na marie . dvorakova @ centrum . cz", "«e-mail»", "dvorakova"),
    ("zavolejte mi +420 777 123 456 kvůli parkování", "«telefon»", "777"),
    ("tel. 00420602123456", "«telefon»", "602"),
    ("můj mobil 602123456 občanka", "«telefon»", "602123456"),
    ("volejte 731 456 789 prosím", "«telefon»", "731"),
    ("pevná linka 222-333-444", "«telefon»", "222"),
    ("+420.608.111.222 žádost", "«telefon»", "608"),
    ("číslo jednací 123456 stavební povolení", "«číslo»", "123456"),
    ("spisová značka MCP99/0123456/2025", "«číslo»", "0123456"),
    ("vrácení přeplatku na účet 19-2000145399/0800", "«číslo»", "2000145399"),
    ("platební karta 4111 1111 1111 1111", "«číslo»", "4111"),
    ("variabilní symbol 20251234", "«číslo»", "20251234"),
    # spelled out against harvesters, and in full-width characters
    ("napište na jana(at)example(dot)cz", "«e-mail»", "jana"),
    ("jana [zavináč] seznam.cz ztráta", "«e-mail»", "seznam"),
    ("Jan.Novak (AT) firma [DOT] cz", "«e-mail»", "novak"),
    ("ｊａｎａ＠ｅｘａｍｐｌｅ．ｃｚ přihláška", "«e-mail»", "ｊａｎａ"),
    ("rodné číslo ８５０１０１/１２３４", "«rodné číslo»", "１２３４"),
    ("telefon ＋４２０ ７７７ １２３ ４５６", "«telefon»", "７７７"),
])
def test_scrub_removes_each_kind_of_personal_data(text, marker, secret):
    cleaned = clean(text)
    assert marker in cleaned
    assert secret.lower() not in cleaned
    assert not re.search(r"\d{5,}", cleaned)


def test_scrub_keeps_what_is_not_personal():
    assert scrub("zákon 133/2000 Sb. o evidenci obyvatel") == "zákon 133/2000 Sb. o evidenci obyvatel"
    assert scrub("poplatek 50 Kč, Praha 99, PSČ 110 00") == "poplatek 50 Kč, Praha 99, PSČ 110 00"
    assert scrub("formulář 2024 občanský průkaz") == "formulář 2024 občanský průkaz"


def test_scrub_handles_several_kinds_in_one_query():
    text = "Jana Nováková, RČ 855101/1234, jana@example.cz, +420 602 111 222, č.j. 987654"
    cleaned = clean(text)
    for secret in ("855101", "1234", "jana@", "example", "602", "111 222", "987654"):
        assert secret not in cleaned
    assert cleaned.count("«") == 4
    assert "«rodné číslo»" in cleaned and "«e-mail»" in cleaned and "«telefon»" in cleaned
    assert "«číslo»" in cleaned


def test_normalise_lowercases_collapses_and_trims_but_keeps_diacritics():
    assert normalise("  Občanský \t PRŮKAZ\n ztráta ") == "občanský průkaz ztráta"
    assert normalise("Ř" * 500) == "ř" * 200
    assert normalise("a\x00b") == "a b"
    assert normalise("x\ud800y") == "xy"  # a lone surrogate cannot be stored
    assert normalise("Obc\u030canka") == "občanka"  # decomposed input is composed


def test_a_number_at_the_length_limit_is_not_cut_in_half_before_scrubbing():
    query = "a " * 45 + "8501011234"
    assert len(query) == querylog.PLAUSIBLE_LENGTH
    cleaned = clean(query)
    assert cleaned.endswith("a «rodné číslo»")
    assert not DIGITS.search(cleaned)


@pytest.mark.parametrize("query", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "a onmouseover='x'",
    "&#60;script&#62;", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x}", "' OR 1=1 --", "1; DROP TABLE users",
    "x UNION SELECT password FROM auth_user", "pas\x00", "pas\x1b[31m", "občanka\x7f",
    "123456", "850101/1234", "+420 777 123 456", "%%%", "!!!???", "1.2.3", "---", "😀😀",
    "parkovací karta " * 7,
])
def test_implausible_queries_are_not_kept(query):
    assert not querylog.plausible(query)
    assert clean(query) == ""


@pytest.mark.parametrize("query", [
    "občanský průkaz", "řidičák 2025", "zákon 133/2000 Sb.", "pas - cena", "Ř" * 100, "PSČ 110 00 matrika",
    "co dělat když umře táta?", "R&D dotace", "a > b",
])
def test_plausible_searches_are_kept(query):
    assert querylog.plausible(query)
    assert clean(query)


# -- recording -----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_record_is_one_statement_and_counts(django_assert_num_queries):
    with django_assert_num_queries(1 + LOG_WRITE_SAVEPOINT_QUERIES):
        record("  Občanský   PRŮKAZ ", 3)
    with django_assert_num_queries(1 + LOG_WRITE_SAVEPOINT_QUERIES):
        record("občanský průkaz", 0)
    with django_assert_num_queries(1 + LOG_WRITE_SAVEPOINT_QUERIES):
        record("OBČANSKÝ průkaz", 0)
    stat = QueryStat.objects.get(query="občanský průkaz")
    assert (stat.count, stat.zero_results) == (3, 2)
    assert stat.last_searched is not None


@pytest.mark.django_db
def test_record_updates_last_searched():
    record("rybářský lístek", 1)
    first = QueryStat.objects.get(query="rybářský lístek").last_searched
    record("rybářský lístek", 1)
    assert QueryStat.objects.get(query="rybářský lístek").last_searched >= first


@pytest.mark.django_db
def test_record_skips_empty_queries(django_assert_num_queries):
    with django_assert_num_queries(0):
        record("", 0)
        record("   \n\t ", 0)
        record("\x00", 0)
        record(None, 0)
    assert not QueryStat.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("query, secrets", [
    ("ztráta občanky, rodné číslo 850101/1234", ["850101", "1234"]),
    ("prosím o zavolání na 777 123 456", ["777", "123 456"]),
    ("Můj e-mail je karel.svoboda@gmail.com", ["karel", "svoboda", "gmail"]),
    ("přihlášení k pobytu, RČ 9003151234, tel +420604123456", ["9003151234", "604123456"]),
    ("jak zaplatit poplatek za psa VS 1234567890", ["1234567890"]),
])
def test_stored_text_contains_no_personal_data(query, secrets):
    record(query, 0)
    stored = list(QueryStat.objects.values_list("query", flat=True))
    assert len(stored) == 1
    for secret in secrets:
        assert secret.lower() not in stored[0]
    assert not re.search(r"\d{5,}", stored[0])


@pytest.mark.django_db
def test_personal_data_of_different_people_counts_as_one_query():
    record("výpis z rejstříku trestů 850101/1234", 1)
    record("Výpis z rejstříku trestů 905512/3456", 0)
    stat = QueryStat.objects.get()
    assert stat.query == "výpis z rejstříku trestů «rodné číslo»"
    assert (stat.count, stat.zero_results) == (2, 1)


@pytest.mark.django_db
def test_record_keeps_only_plausible_searches():
    record("parkovací karta " * 100, 2)
    record("<script>alert('x')</script>", 0)
    record("777 123 456", 0)
    record("parkovací karta", 2)
    assert list(QueryStat.objects.values_list("query", flat=True)) == ["parkovací karta"]


@pytest.mark.django_db
def test_record_never_raises_on_database_errors(monkeypatch, caplog):
    def broken_sql():
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(querylog, "_upsert_sql", broken_sql)
    with caplog.at_level(logging.WARNING, logger="search.querylog"):
        record("občanka", 1)
    assert "query log" in caplog.text


@pytest.mark.django_db
def test_record_swallows_a_real_failing_statement(monkeypatch, caplog):
    monkeypatch.setattr(querylog, "_upsert_sql", lambda: "INSERT INTO no_such_table VALUES (%s, %s, %s, %s)")
    with caplog.at_level(logging.WARNING, logger="search.querylog"):
        record("občanka", 1)
    assert "query log" in caplog.text
    record("občanka", 1)  # the connection is still usable afterwards
    monkeypatch.undo()
    record("občanka", 1)
    assert QueryStat.objects.get().count == 1


# -- the editors' report (superuser_client: tests/search/conftest.py) ------------------------------


@pytest.mark.django_db
def test_report_lists_most_searched_queries_for_a_superuser(superuser_client):
    for _ in range(3):
        record("řidičský průkaz", 4)
    record("psí známka", 0)
    response = superuser_client.get(reverse("search_querystat_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nejčastější dotazy" in html
    assert "řidičský průkaz" in html
    assert html.index("řidičský průkaz") < html.index("psí známka")  # the most searched first


@pytest.mark.django_db
def test_zero_result_report_lists_only_queries_that_found_nothing(superuser_client):
    record("řidičský průkaz", 4)
    record("psí známka", 0)
    response = superuser_client.get(reverse("search_zero_result_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "psí známka" in html
    assert "řidičský průkaz" not in html


@pytest.mark.django_db
def test_report_results_fragment_and_filter(superuser_client):
    record("řidičský průkaz", 4)
    record("psí známka", 0)
    response = superuser_client.get(reverse("search_querystat_report_results"), {"query": "psí"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "psí známka" in html and "řidičský průkaz" not in html


@pytest.mark.django_db
def test_report_paginates(superuser_client):
    for number in range(60):
        record(f"dotaz {number:03d}", 1)
    first = superuser_client.get(reverse("search_querystat_report")).content.decode()
    second = superuser_client.get(reverse("search_querystat_report"), {"p": 2}).content.decode()
    assert "dotaz 000" in first and "dotaz 059" not in first
    assert "dotaz 059" in second


@pytest.mark.django_db
def test_report_exports_csv(superuser_client):
    record("stavební povolení", 0)
    response = superuser_client.get(reverse("search_querystat_report"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[0] == "Týden (pondělí),Dotaz,Hledáno,Bez výsledků,Otevřeno,Naposledy"
    assert f"{querylog.week_of().isoformat()},stavební povolení,1,1,0," in body


@pytest.mark.django_db
def test_report_menu_item_under_reports(superuser_client):
    html = superuser_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("search_querystat_report") in html


@pytest.mark.django_db
def test_anonymous_users_are_redirected_to_login(client_cs):
    for name in ("search_querystat_report", "search_zero_result_report"):
        response = client_cs.get(reverse(name))
        assert response.status_code == 302
        assert reverse("wagtailadmin_login") in response["Location"]


@pytest.mark.django_db
def test_editors_without_the_permission_are_refused(client_cs):
    user = get_user_model().objects.create_user("redaktor", "redaktor@example.cz", "heslo-pro-test")
    editors = Group.objects.create(name="Redakce dotazů")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(editors)
    client_cs.force_login(user)
    response = client_cs.get(reverse("search_querystat_report"))
    assert response.status_code in (302, 403)
    assert "řidičský" not in response.content.decode()

    editors.permissions.add(Permission.objects.get(codename="view_querystat"))
    user = get_user_model().objects.get(pk=user.pk)  # fresh permission cache
    client_cs.force_login(user)
    record("řidičský průkaz", 1)
    response = client_cs.get(reverse("search_querystat_report"))
    assert response.status_code == 200
    assert "řidičský průkaz" in response.content.decode()


@pytest.mark.django_db
def test_the_report_cuts_long_queries_but_the_export_keeps_them(superuser_client):
    """A row logged before queries were capped at 100 characters cannot stretch the report's table."""
    long_query = "parkovací karta pro rezidenty " * 6
    QueryStat.objects.create(week=querylog.week_of(), query=long_query, count=1)
    html = superuser_client.get(reverse("search_querystat_report")).content.decode()
    assert long_query[:59] + "…" in html and long_query not in html
    response = superuser_client.get(reverse("search_querystat_report"), {"export": "csv"})
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert long_query.strip() in export
