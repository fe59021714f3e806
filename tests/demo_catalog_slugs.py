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
ALL_SITUATIONS = [(topic, slug) for topic, slugs in SITUATIONS.items() for slug in slugs]
