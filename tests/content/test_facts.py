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
from tests.czech import czech

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
    assert amounts("vydani-duplikatu-matricniho-dokladu") == [300]
    assert amounts("vydani-rodneho-listu") == [0] and amounts("vydani-umrtniho-listu") == [0]
    assert fee("zadost-o-uzavreni-manzelstvi", "jinde nebo v jinou dobu") == 3000
    assert fee("zadost-o-uzavreni-manzelstvi", "Ani jeden") == 5000
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
    assert fee("zmena-vlastnika-vozidla", "osobního automobilu (držitelé průkazu ZTP") == 800
    assert fee("zmena-vlastnika-vozidla", "zdědili") == 0
    assert "nižší poplatek" not in ALL_TEXT


def test_prague_dog_fee_rates():
    service = "poplatek-ze-psu-ohlaseni"
    assert fee(service, "Jeden pes v bytovém domě") == 1500
    assert fee(service, "další pes v bytovém domě") == 2250
    assert fee(service, "Jeden pes v rodinném domě") == 600
    assert fee(service, "další pes v rodinném domě") == 900
    assert fee(service, "Jeden pes držitele staršího 65 let") == 200
    assert fee(service, "další pes držitele staršího 65 let") == 300
    how = SERVICES[service]["how_to_apply"]
    assert "útulku hl. m. Prahy" in how
    # Prague's register of dog keepers at the Magistrát, and the fee reduction of up to 350 Kč that came with it,
    # ended on 31 December 2021 (zákon č. 368/2019 Sb., changing the veterinary act; praha.eu, "Označování a
    # registrace psů"): neither the situation nor the service may still send people there.
    dog_texts = text_of(SERVICES[service]) + text_of(SITUATIONS["poplatek-ze-psu"])
    assert "350 Kč" not in dog_texts and "evidence chovatelů" not in dog_texts
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
    # zákon č. 326/1999 Sb., § 93: three working days, said in words (a count of calendar days would be too early)
    assert "Do 3 pracovních dnů od vstupu" in rows["Ohlášení pobytu (cizinci mimo EU)"]["description"]
    assert rows["Ohlášení pobytu (cizinci mimo EU)"]["days"] is None
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
def test_guide_dates_the_identity_card_and_dog_notification_deadlines():
    from situations.composition import compose_situation
    from situations.guide import Answers
    from situations.models import SituationPage

    moved = Answers(chosen={"odkud": frozenset({"v-obvodu"}), "mam": frozenset({"op-s-adresou"})}, submitted=True)
    moved.date = datetime.date(2026, 11, 20)
    card = next(row for row in compose_situation(czech(SituationPage).get(slug="zmena-trvaleho-pobytu"), moved)
                .deadlines if row.days == 45)
    assert card.due_date == datetime.date(2027, 1, 4)  # 20 Nov + 10 days = 30 Nov, + 31 = 31 Dec, + 4 = 4 Jan

    dog = Answers(chosen={"co": frozenset({"novy"})}, submitted=True)
    dog.date = datetime.date(2026, 12, 4)
    notice = next(row for row in compose_situation(czech(SituationPage).get(slug="poplatek-ze-psu"), dog)
                  .deadlines if row.days == 15)
    assert notice.due_date == datetime.date(2026, 12, 19)  # zákon č. 565/1990 Sb., § 14a: 4 Dec + 15 days


# -- what the translators reported, checked against the law as it stands in December 2026 ---------------------------

def test_holders_of_temporary_protection_report_a_new_address_to_the_ministry_within_3_working_days():
    # zákon č. 65/2022 Sb. (lex Ukrajina) and zákon č. 221/2003 Sb.; the Ministry's instructions at frs.gov.cz:
    # 3 working days, by post or at an OAMP office, never by e-mail.
    situation = SITUATIONS["cizinci-pobyt"]
    row = next(row for row in situation["deadlines"] if row["title"] == "Změna adresy (dočasná ochrana)")
    assert "do 3 pracovních dnů" in row["description"] and "65/2022" in row["source"]
    step = next(step for step in situation["steps"] if "dočasnou ochranu" in step["title"])
    assert "OAMP" in step["text"] and "E-mailem změnu ohlásit nejde" in step["text"]
    assert "65/2022 Sb." in {row["act"] for row in situation["legal"]}
    service = SERVICES["hlaseni-pobytu-cizince"]
    assert "u dočasné ochrany do 3 pracovních dnů" in service["deadline"] and "65/2022" in service["sources"]["deadline"]


def test_temporary_protection_gets_the_humanitarian_benefit_instead_of_the_superdavka():
    service = SERVICES["davka-statni-socialni-pomoci"]
    assert "humanitární dávku" in service["who_may_apply"] and "66/2022" in service["sources"]["competence"]
    assert "66/2022 Sb." in {row["act"] for row in SITUATIONS["socialni-pomoc-v-nouzi"]["legal"]}


@pytest.mark.parametrize("slug, step", [("uzavreni-manzelstvi", 2), ("narozeni-ditete", 0), ("umrti-blizke-osoby", 0)])
def test_steps_foreigners_take_part_in_ask_for_an_identity_document(slug, step):
    assert "(občanský průkaz nebo pas)" in " ".join(SITUATIONS[slug]["steps"][step]["text"].split())


def test_the_abonent_parking_permit_is_for_firms_and_owners_in_the_area_not_for_anyone():
    # nařízení hl. m. Prahy č. 19/2017 Sb. HMP, § 1: residents, owners of property and businesses based in the area.
    who = SERVICES["parkovaci-opravneni-sluzba"]["who_may_apply"]
    assert "kdokoli" not in who and "sídlem či provozovnou v oblasti" in who and "vlastník nemovitosti" in who
    assert "19/2017" in SERVICES["parkovaci-opravneni-sluzba"]["sources"]["competence"]


def test_a_trade_is_entered_in_the_register_within_5_working_days_everywhere():
    assert "do 5 dnů" not in " ".join(text_of(SITUATIONS["zalozeni-zivnosti"]).split())


def test_christmas_eve_is_no_state_holiday():
    # zákon č. 245/2000 Sb., § 2: Štědrý den is one of the "ostatní svátky".
    notes = [row["note"] for counter in CATALOG["counters"] for row in counter.get("exceptions") or []]
    assert "Štědrý den – ostatní svátek" in notes and not any("Štědrý den – státní svátek" in note for note in notes)


def test_ordinances_are_named_with_their_head():
    titles = {row["act"]: row["title"] for record in [*SERVICES.values(), *SITUATIONS.values()]
              for row in record.get("legal") or []}
    assert titles["23/2003 Sb. HMP"].startswith("vyhláška hl. m. Prahy č. 23/2003 Sb. HMP, o místním poplatku ze psů")
    assert titles["17/2021 Sb. HMP"].startswith("vyhláška hl. m. Prahy č. 17/2021 Sb. HMP, o místním poplatku")


def test_the_driving_licence_step_and_deadline_give_the_same_advice():
    # zákon č. 361/2000 Sb., § 110: the licence is issued within 20 days of the application.
    situation = SITUATIONS["ridicsky-prukaz"]
    step = " ".join(situation["steps"][0]["text"].split())
    assert "nejpozději 20 dní před koncem platnosti" in step and "aspoň měsíc" not in step
    assert "nejpozději 20 dní předem" in deadline("ridicsky-prukaz", "Konec platnosti")["description"]


def test_lay_names_and_terms_are_whole_words_a_citizen_uses():
    documents = {row["slug"]: row for row in CATALOG["documents"]}
    assert "pasovka" not in documents["cestovni-pas"]["lay_names"]
    assert {"podpora sportu", "podpora sociální oblasti"} <= set(SERVICES["zadost-o-grant-sluzba"]["lay_terms"])
    assert not {"sportu", "sociální oblasti"} & set(SERVICES["zadost-o-grant-sluzba"]["lay_terms"])


def test_an_identity_card_in_prague_is_issued_by_the_districts_praha_1_to_22():
    how = {row["slug"]: row for row in CATALOG["documents"]}["obcansky-prukaz"]["how_to_get"]
    assert "Praha 1 až Praha 22" in how
