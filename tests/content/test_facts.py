"""The facts a citizen relies on: every fee and deadline of the demo catalog names its source, and the figures
that matter most match the law as it stands on 4 December 2026.

The figures below were written by hand from the law (zákon č. 634/2004 Sb. and its sazebník as amended from
1 January 2024, the Prague ordinance č. 23/2003 Sb. HMP on the dog fee, zákon č. 117/1995 Sb. as amended from
1 January 2026...), never copied from what the loader or the pages print. When a law changes, change the data
file, its source note and the figure here together.
"""

import datetime

import pytest

from navigator.demo.loader import read_catalog

CATALOG = read_catalog()
SERVICES = {record["slug"]: record for record in CATALOG["services"]}
SITUATIONS = {record["slug"]: record for records in CATALOG["situations"].values() for record in records}


def amounts(slug):
    return sorted(row["amount"] for row in SERVICES[slug]["fees"])


def fee(slug, words):
    rows = [row for row in SERVICES[slug]["fees"] if words in row["label"]]
    assert len(rows) == 1, f"{slug}: one fee row labelled with {words!r}, found {len(rows)}"
    return rows[0]["amount"]


def deadline(slug, title):
    return next(row for row in SITUATIONS[slug]["deadlines"] if row["title"] == title)


def text_of(record):
    """Everything a citizen reads on a page, as one string."""
    parts = []

    def walk(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key not in ("source", "sources"):
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)
    return " ".join(" ".join(parts).split())


ALL_TEXT = " ".join(text_of(record) for record in [*SERVICES.values(), *SITUATIONS.values(), *CATALOG["documents"]])


# -- every fee, deadline and competence names its source ----------------------------------------------------------

@pytest.mark.parametrize("slug", sorted(SERVICES))
def test_every_fee_row_names_its_source(slug):
    for row in SERVICES[slug]["fees"]:
        assert isinstance(row.get("source"), str) and len(row["source"]) > 15, (slug, row["label"])


@pytest.mark.parametrize("slug", sorted(SITUATIONS))
def test_every_deadline_row_names_its_source(slug):
    for row in SITUATIONS[slug].get("deadlines") or []:
        assert isinstance(row.get("source"), str) and len(row["source"]) > 15, (slug, row["title"])


@pytest.mark.parametrize("slug", sorted(SERVICES))
def test_every_service_names_the_source_of_its_competence_and_time_limits(slug):
    record = SERVICES[slug]
    sources = record.get("sources") or {}
    assert set(sources) <= {"competence", "processing_time", "deadline"}, slug
    assert sources.get("competence") and sources.get("processing_time"), slug
    if record.get("deadline"):
        assert sources.get("deadline"), f"{slug} states a deadline without its source"


# -- fees (sazebník zákona č. 634/2004 Sb., ve znění od 1. 1. 2024) ------------------------------------------------

def test_moving_costs_50_czk_a_person_and_children_under_15_pay_nothing():
    assert amounts("hlaseni-trvaleho-pobytu") == [50]
    assert "do 15 let neplatí" in SERVICES["hlaseni-trvaleho-pobytu"]["fees"][0]["label"]


def test_identity_card_fees():
    assert amounts("vydani-obcanskeho-prukazu") == [0, 100, 100, 200, 500, 1000]
    assert fee("vydani-obcanskeho-prukazu", "jiném úřadě") == 100
    assert fee("vydani-obcanskeho-prukazu", "do 24 hodin") == 1000


def test_passport_fees_follow_the_express_regime_in_force():
    assert fee("vydani-cestovniho-pasu", "do 5 pracovních dnů") == 3000
    assert fee("vydani-cestovniho-pasu", "do 24 hodin") == 6000
    assert fee("vydani-cestovniho-pasu", "jiném úřadě") == 100
    faq = text_of(SITUATIONS["cestovni-pas"]["faq"])
    assert "3 000 Kč, pro dítě 1 000 Kč" in faq and "6 000 Kč, pro dítě 2 000 Kč" in faq
    assert "4 000" not in ALL_TEXT and "6 pracovních dnů" not in ALL_TEXT


def test_signature_verification_costs_50_czk_and_a_copy_30_czk_a_page():
    assert amounts("overeni-podpisu") == [50]
    assert amounts("overeni-kopie-listiny") == [30]
    assert "Ověření podpisu stojí 50 Kč" in text_of(SITUATIONS["overeni-podpisu-a-listin"]["faq"])
    assert "Řidičský průkaz k ověření podpisu nestačí" in SERVICES["overeni-podpisu"]["who_may_apply"]


def test_register_office_fees_since_2024():
    assert fee("vydani-rodneho-listu", "Duplikát") == 300
    assert fee("vydani-umrtniho-listu", "Duplikát") == 300
    assert fee("zadost-o-uzavreni-manzelstvi", "mimo obřadní síň") == 3000
    assert fee("zadost-o-uzavreni-manzelstvi", "ani jeden") == 5000
    assert fee("zadost-o-uzavreni-manzelstvi", "jen jeden") == 3000
    assert fee("zadost-o-uzavreni-manzelstvi", "církevnímu") == 500
    assert amounts("zmena-jmena-prijmeni-sluzba") == [0, 200, 300, 3000]
    rodny_list = next(row for row in CATALOG["documents"] if row["slug"] == "rodny-list")
    assert "duplikát stojí 300 Kč" in rodny_list["how_to_get"]


def test_driving_licence_costs_200_czk_once_the_old_one_has_expired():
    assert fee("vydani-ridicskeho-prukazu", "platnost starého už skončila") == 200
    assert fee("vydani-ridicskeho-prukazu", "končí platnost") == 0
    assert fee("vydani-ridicskeho-prukazu", "Mezinárodní") == 50


def test_vehicle_plates_and_exemptions():
    assert fee("registrace-vozidla-sluzba", "Tabulka s registrační značkou, za každou") == 200
    assert fee("registrace-vozidla-sluzba", "na přání") == 5000
    assert fee("registrace-vozidla-sluzba", "držitelé průkazu ZTP nebo ZTP/P zdarma") == 800
    assert fee("zmena-vlastnika-vozidla", "při dědictví a pro držitele průkazu ZTP") == 800
    assert "nižší poplatek" not in ALL_TEXT


def test_prague_dog_fee_rates():
    service = "poplatek-ze-psu-ohlaseni"
    assert fee(service, "První pes v bytovém domě") == 1500
    assert fee(service, "další pes téhož držitele v bytovém domě") == 2250
    assert fee(service, "První pes v rodinném domě") == 600
    assert fee(service, "další pes v rodinném domě") == 900
    assert fee(service, "staršího 65 let") == 200
    assert fee(service, "starší 65 let nebo důchodce") == 300
    how = SERVICES[service]["how_to_apply"]
    assert "350 Kč" in how and "útulku hl. m. Prahy" in how and "30 dnů" in how
    assert "31. srpna" in SERVICES[service]["when_to_act"]


def test_eu_citizens_registration_certificate_costs_200_czk_in_revenue_stamps():
    [row] = SERVICES["potvrzeni-pobytu-obcana-eu"]["fees"]
    assert row["amount"] == 200 and "kolk" in row["how_to_pay"]


# -- benefits and their deadlines ----------------------------------------------------------------------------------

def test_birth_grant_and_parental_allowance():
    what = SERVICES["porodne-a-rodicovsky-prispevek"]["what_you_get"]
    assert "13 000 Kč na první dítě, 10 000 Kč na druhé" in what
    assert "350 000 Kč, u dvojčat a vícerčat 700 000 Kč" in what and "do 3 let věku" in what
    assert "525 000" not in ALL_TEXT and "do 4 let" not in ALL_TEXT


def test_funeral_grant_is_claimed_within_a_year_of_the_burial_for_a_deceased_resident():
    assert deadline("umrti-blizke-osoby", "Žádost o pohřebné")["description"].endswith("od pohřbu.")
    assert "Zemřelý musel mít v den úmrtí trvalý pobyt v Česku" in SERVICES["pohrebne"]["who_may_apply"]


def test_the_old_social_benefits_ended_in_july_2026():
    when = SERVICES["davka-statni-socialni-pomoci"]["when_to_act"]
    assert "v červenci 2026" in when and "Od srpna 2026" in when and "1. října 2026" in when


# -- deadlines and competences ---------------------------------------------------------------------------------------

def test_old_identity_card_with_an_address_expires_45_days_after_moving():
    row = deadline("zmena-trvaleho-pobytu", "Starý občanský průkaz s adresou přestane platit")
    assert row["days"] == 45 and row["if"] == "mam = op-s-adresou"
    assert "zůstává platný" not in ALL_TEXT


def test_identity_card_may_be_collected_by_an_attorney_and_fingerprints_are_taken_from_12():
    assert "plnou moc s úředně ověřeným podpisem" in SERVICES["vydani-obcanskeho-prukazu"]["who_may_apply"]
    assert "od 12 let" in SERVICES["vydani-obcanskeho-prukazu"]["how_to_apply"]
    assert "Od 12 let sejmeme otisky prstů" in SERVICES["vydani-cestovniho-pasu"]["who_may_apply"]
    assert "od 6 let" not in ALL_TEXT


def test_foreigners_report_to_the_police_on_arrival_and_to_the_ministry_on_moving():
    rows = {row["title"]: row for row in SITUATIONS["cizinci-pobyt"]["deadlines"]}
    assert rows["Ohlášení pobytu (cizinci mimo EU)"]["days"] == 3
    assert rows["Ohlášení pobytu (občané EU)"]["days"] == 30
    assert "Cizinecké policii" in rows["Ohlášení pobytu (občané EU)"]["description"]
    assert "30 pracovních dnů" in rows["Změna adresy"]["description"]
    assert "hlásí místo pobytu cizinecké policii" in SERVICES["hlaseni-pobytu-cizince"]["when_to_act"]


def test_closing_premises_is_reported_in_advance_and_stalls_are_not_reported():
    assert "do 3 pracovních dnů" not in text_of(SERVICES["oznameni-provozovny"])
    assert SERVICES["oznameni-provozovny"]["deadline"] == "Zahájení i ukončení předem."
    stall = next(row for row in SITUATIONS["provozovna"]["faq"] if "stánek" in row["question"])
    assert "neoznamujete" in stall["answer"]
    assert "S adresou" in deadline("provozovna", "Oznámení ukončení provozování")["description"]


def test_flat_rate_tax_and_vat_thresholds():
    assert "do 10. dne měsíce, který následuje po měsíci zahájení" in SERVICES["registrace-k-dani-z-prijmu"]["when_to_act"]
    assert "do 15 dnů od zahájení" not in SERVICES["registrace-k-dani-z-prijmu"]["when_to_act"]
    assert "2 000 000 Kč" in ALL_TEXT and "2 536 500 Kč" in ALL_TEXT


def test_vehicle_registration_check_follows_the_technical_inspection():
    assert "30 dnů" not in text_of(CATALOG["documents"][[row["slug"] for row in CATALOG["documents"]]
                                                        .index("protokol-o-evidencni-kontrole")])
    assert "ve stejných lhůtách jako technická prohlídka" in deadline("registrace-vozidla",
                                                                      "Platnost evidenční kontroly")["description"]


def test_prague_driver_and_vehicle_register_address():
    counter = next(row for row in CATALOG["counters"] if row["slug"] == "magistrat-registr-vozidel")
    assert (counter["street"], counter["postcode"], counter["city"]) == ("Na Pankráci 1685/17", "140 00", "Praha 4")


# -- the same facts, counted into dates by the guide ------------------------------------------------------------------

@pytest.mark.django_db
def test_guide_dates_the_identity_card_and_dog_register_deadlines():
    from situations.composition import compose_situation
    from situations.guide import Answers
    from situations.models import SituationPage

    moved = Answers(chosen={"odkud": frozenset({"v-obvodu"}), "mam": frozenset({"op-s-adresou"})}, submitted=True)
    moved.date = datetime.date(2026, 11, 20)
    card = next(row for row in compose_situation(SituationPage.objects.get(slug="zmena-trvaleho-pobytu"), moved)
                .deadlines if row.days == 45)
    assert card.due_date == datetime.date(2027, 1, 4)  # 20 Nov + 10 days = 30 Nov, + 31 = 31 Dec, + 4 = 4 Jan

    dog = Answers(chosen={"co": frozenset({"novy"})}, submitted=True)
    dog.date = datetime.date(2026, 12, 4)
    register = next(row for row in compose_situation(SituationPage.objects.get(slug="poplatek-ze-psu"), dog)
                    .deadlines if row.days == 30)
    assert register.due_date == datetime.date(2027, 1, 3)  # 4 Dec + 27 days = 31 Dec, + 3 = 3 Jan
