"""The demo catalog's fixed slugs, as shared/docs/catalog.md lists them: topics and their situations, which
tests and links depend on."""

SITUATIONS = {
    "bydleni": ["zmena-trvaleho-pobytu", "zruseni-trvaleho-pobytu", "obecni-byt", "stavba-domu", "cizinci-pobyt"],
    "doklady": ["obcansky-prukaz", "cestovni-pas", "ztrata-dokladu", "overeni-podpisu-a-listin", "czech-point",
                "datova-schranka"],
    "rodina": ["narozeni-ditete", "uzavreni-manzelstvi", "umrti-blizke-osoby", "zmena-jmena-prijmeni",
               "zapis-do-skoly"],
    "doprava": ["ridicsky-prukaz", "registrace-vozidla", "parkovaci-opravneni"],
    "urad": ["poplatek-ze-psu", "volicsky-prukaz", "zadost-o-informace", "stiznost", "nalezene-veci"],
    "verejny-prostor": ["hlaseni-zavady", "kaceni-drevin", "zabor-verejneho-prostranstvi"],
    "socialni-pomoc": ["pecovatelska-sluzba", "socialni-pomoc-v-nouzi"],
    "podnikani": ["zalozeni-zivnosti", "zalozeni-sro", "zmena-preruseni-zivnosti", "provozovna", "predzahradka",
                  "reklamni-zarizeni", "trzni-prodej", "granty-a-dotace"],
}
BUSINESS_ONLY = {"zalozeni-zivnosti", "zalozeni-sro", "zmena-preruseni-zivnosti", "provozovna", "predzahradka",
                 "reklamni-zarizeni", "trzni-prodej"}
# Beyond the catalog's list: the waste topic and its situations (README, "Demo catalog").
ADDED_SITUATIONS = {
    "odpady": ["poplatek-za-odpad", "popelnice-a-bioodpad", "velky-odpad-a-sberne-dvory"],
}
CATALOG_SITUATIONS = [(topic, slug) for topic, slugs in SITUATIONS.items() for slug in slugs]
ALL_SITUATIONS = CATALOG_SITUATIONS + [(topic, slug) for topic, slugs in ADDED_SITUATIONS.items() for slug in slugs]
ALL_TOPICS = [*SITUATIONS, *ADDED_SITUATIONS]
