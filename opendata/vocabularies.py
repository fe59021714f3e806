"""Terms of the controlled vocabularies the open data points to, each with what it is and how it is called.

The EU application profiles check that a referenced resource says what it is (a language is a
dct:LinguisticSystem, a theme a skos:Concept with a label), and the Czech national catalogue harvests the
terms it knows from these tables, so the graphs state each term once, from here, and link to it.

Sources: the EU Publications Office's authority tables (data themes, frequencies, languages, file types,
currencies), the IANA media types, the EuroVoc domains, RÚIAN (the Czech register of territorial
identification) and the Czech national catalogue's terms of use ("podmínky užití").
"""

from dataclasses import dataclass, field

from django.conf import settings

AUTHORITY = "http://publications.europa.eu/resource/authority"
EUROVOC = "http://eurovoc.europa.eu"
RUIAN = "https://linked.cuzk.cz/resource/ruian"
TERMS_OF_USE = "https://data.gov.cz/podmínky-užití"


@dataclass(frozen=True)
class Term:
    iri: str
    labels: dict = field(default_factory=dict)  # language → label
    scheme: str = ""  # the concept scheme (authority table) the term belongs to


def authority(table, code, **labels):
    return Term(f"{AUTHORITY}/{table}/{code}", labels, f"{AUTHORITY}/{table}")


THEME_GOVERNMENT = authority("data-theme", "GOVE", cs="Vláda a veřejný sektor", en="Government and public sector")
# The files are written from the live catalog at each download, so they change whenever an editor publishes.
FREQUENCY_CONTINUOUS = authority("frequency", "UPDATE_CONT", cs="průběžně aktualizováno",
                                 en="continuously updated")
# Opening hours repeat every week.
FREQUENCY_WEEKLY = authority("frequency", "WEEKLY", cs="týdně", en="weekly")
LANGUAGE_CZECH = authority("language", "CES", cs="čeština", en="Czech")
CURRENCY_CZK = authority("currency", "CZK", cs="česká koruna", en="Czech koruna")

# EuroVoc domains (http://eurovoc.europa.eu/1001xx): the top of the thesaurus, beside the EU data theme.
EUROVOC_POLITICS = Term(f"{EUROVOC}/100142", {"en": "Politics"}, EUROVOC)
EUROVOC_LAW = Term(f"{EUROVOC}/100145", {"en": "Law"}, EUROVOC)
EUROVOC_FINANCE = Term(f"{EUROVOC}/100148", {"en": "Finance"}, EUROVOC)
EUROVOC_SOCIAL_QUESTIONS = Term(f"{EUROVOC}/100149", {"en": "Social Questions"}, EUROVOC)
EUROVOC_BUSINESS = Term(f"{EUROVOC}/100152", {"en": "Business And Competition"}, EUROVOC)


@dataclass(frozen=True)
class FileFormat:
    """A distribution's format: the EU file type (dct:format) and the IANA media type (dcat:mediaType)."""

    extension: str
    file_type: Term
    media_type: Term


CSV = FileFormat("csv", authority("file-type", "CSV", en="CSV"),
                 Term("http://www.iana.org/assignments/media-types/text/csv", {"en": "text/csv"}))
JSON_LD = FileFormat("jsonld", authority("file-type", "JSON_LD", en="JSON-LD"),
                     Term("http://www.iana.org/assignments/media-types/application/ld+json",
                          {"en": "application/ld+json"}))

LICENCE = Term("https://creativecommons.org/licenses/by/4.0/",
               {"cs": "Creative Commons Uveďte původ 4.0 Mezinárodní (CC BY 4.0)",
                "en": "Creative Commons Attribution 4.0 International (CC BY 4.0)"})
PUBLIC_DOMAIN = Term("https://creativecommons.org/publicdomain/zero/1.0/",
                     {"cs": "Creative Commons CC0 1.0 Univerzální", "en": "Creative Commons CC0 1.0 Universal"})

# Standards the files conform to.
CPSV_AP = Term("http://data.europa.eu/m8g/cpsvap", {"en": "Core Public Service Vocabulary Application Profile"})
CSVW = Term("http://www.w3.org/ns/csvw", {"en": "CSV on the Web"})


@dataclass(frozen=True)
class TermsOfUse:
    """The Czech "podmínky užití" of a distribution: the rights in it as a work, as a database, and privacy.

    The open-data texts (summaries, descriptions) are the office's works and the catalog its database, both
    under CC BY 4.0 with the office as author; the maker's sui generis database right is waived (CC0); the
    files hold contacts of offices, not of people, so no personal data.
    """

    work: Term = LICENCE
    database_as_work: Term = LICENCE
    database_special_right: Term = PUBLIC_DOMAIN
    personal_data: Term = Term(f"{TERMS_OF_USE}/neobsahuje-osobní-údaje/", {"cs": "neobsahuje osobní údaje"})


TERMS = TermsOfUse()

CZECH_REPUBLIC = Term(f"{RUIAN}/stat/1", {"cs": "Česká republika", "en": "Czech Republic"})


def office_area():
    """The RÚIAN units the office serves (settings.OPEN_DATA_RUIAN), named as settings.OPEN_DATA_AREA."""
    return [Term(iri, {"cs": settings.OPEN_DATA_AREA}) for iri in settings.OPEN_DATA_RUIAN]
