"""The whole catalog as one JSON-LD graph following the Core Public Service Vocabulary (CPSV-AP 3.2.0).

How our content maps onto the vocabulary:

- a life situation is a `cv:LifeEvent` (audience citizens), a `cv:BusinessEvent` (businesses) or both; it
  points to the services its steps use with `cv:hasRelatedService`, and each service points back with
  `cv:isGroupedBy`, so either direction can be queried;
- a service is a `cpsv:PublicService` with its competent authority (`cv:hasCompetentAuthority`: the
  responsible department as a unit of the office, otherwise the provider named on the service), its inputs
  (`cpsv:hasInput`: the documents to bring and printable forms, as `cv:Evidence`), its channels
  (`cv:hasChannel`), its costs (`cv:hasCost`) and its legal basis (`cv:hasLegalResource`);
- a counter is a physical `cv:Channel` with an address, a contact point and opening hours: each weekly
  interval is a `cv:openingHours` time entity (OWL-Time's `time:TemporalEntity`, as CPSV-AP requires) that
  reads as a Czech sentence (`dct:description`), recurs weekly (`cv:frequency`) and is at the same time a
  structured `schema:OpeningHoursSpecification`; each exception is a `cv:specialOpeningHoursSpecification`
  of the same kind, dated (no opening time = closed that day); an online form is an online `cv:Channel`;
  post and data box are shared channels;
- a fee is a `cv:Cost` with `cv:hasValue` and `cv:currency`, a concept of the EU currency table;
- an organisation (`cv:PublicOrganisation`, so an agent) has a title and the area it covers (`dct:spatial`,
  RÚIAN units): the office and its departments the area in settings.OPEN_DATA_RUIAN, other authorities known
  only by name the country, the one area sure to contain theirs;
- linked pages and files are `foaf:Document`s, and every vocabulary term says what it is.

Every node has a stable URI (see identifiers.py). The graph is built from plain dicts; nothing here needs an
RDF library, and a consumer can read it as plain JSON too.
"""

from django.utils.translation import gettext as _

from services import hours
from services.models import ApplicationForm, Audience, Channel

from . import identifiers, vocabularies
from .jsonld import Graph, compact, cs, in_languages, ref, schema_day, typed

CONTEXT = {
    "cpsv": "http://purl.org/vocab/cpsv#",
    "cv": "http://data.europa.eu/m8g/",
    "dct": "http://purl.org/dc/terms/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "locn": "http://www.w3.org/ns/locn#",
    "org": "http://www.w3.org/ns/org#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

# CPSV-AP's class of an administrative territorial unit, which dct:spatial of an organisation must be.
TERRITORIAL_UNIT = "http://data.europa.eu/88u/dataset/atu-type"
# Time entities of opening hours: OWL-Time's, described as schema.org's opening hours.
HOURS_TYPES = ["time:TemporalEntity", "schema:OpeningHoursSpecification"]

# Channel kinds: a small SKOS scheme of our own, labelled in Czech.
CHANNEL_TYPES = {
    Channel.IN_PERSON: "osobne",
    Channel.ONLINE: "online",
    Channel.POST: "posta",
    Channel.DATA_BOX: "datova-schranka",
}


def channel_type_uri(channel):
    return identifiers.uri("channel_type", CHANNEL_TYPES[channel])


def xsd_time(value):
    return typed(value.isoformat(), "xsd:time")


def xsd_date(value):
    return typed(value.isoformat(), "xsd:date")


class GraphBuilder:
    """Builds the node list of the graph from the published content."""

    def __init__(self, published):
        self.published = published
        self.office_name = published.office.office_name
        self.graph = Graph()
        self.nodes = self.graph.nodes
        self.add = self.graph.add
        self.document = self.graph.document

    def labels(self, page, field):
        """A page's text in Czech and in each language it is translated to (@cs, @en, @uk)."""
        return in_languages(getattr(page, field), self.published.translated(page, field))

    # -----------------------------------------------------------------------------------------------------

    def build(self):
        self.add_vocabulary()
        self.add_office()
        for department in self.published.departments:
            self.add_department(department)
        for counter in self.published.counters:
            self.add_counter(counter)
        for form in self.published.forms:
            self.add_form(form)
        for document in self.published.documents:
            self.add_document(document)
        for service in self.published.services:
            self.add_service(service)
        for situation in self.published.situations:
            self.add_situation(situation)
        return self.graph.document_json(CONTEXT)

    def add_vocabulary(self):
        labels = {
            Channel.IN_PERSON: _("Osobně na pracovišti"),
            Channel.ONLINE: _("Online"),
            Channel.POST: _("Poštou"),
            Channel.DATA_BOX: _("Datovou schránkou"),
        }
        scheme = identifiers.uri("channel_type")
        self.add({"@id": scheme, "@type": "skos:ConceptScheme", "skos:prefLabel": cs(_("Způsoby podání"))})
        for channel, label in labels.items():
            self.add({"@id": channel_type_uri(channel), "@type": "skos:Concept", "skos:prefLabel": cs(label),
                      "skos:inScheme": ref(scheme)})
        # Generic channels for services that name no counter or online form of their own.
        for channel, slug in CHANNEL_TYPES.items():
            self.add({"@id": identifiers.uri("channel", slug), "@type": "cv:Channel", "dct:identifier": slug,
                      "dct:title": cs(labels[channel]), "dct:type": ref(channel_type_uri(channel))})
        self.add({"@id": identifiers.uri("document_type", "ze-zakladnich-registru"), "@type": "skos:Concept",
                  "skos:prefLabel": cs(_("Úřad si údaje zjistí sám ze základních registrů"))})
        self.graph.term(vocabularies.CURRENCY_CZK, "skos:Concept")
        self.graph.term(vocabularies.FREQUENCY_WEEKLY, "skos:Concept")
        for area in [*vocabularies.office_area(), vocabularies.CZECH_REPUBLIC]:
            self.graph.term(area, TERRITORIAL_UNIT, "dct:Location")

    def office_area(self):
        return [ref(area.iri) for area in vocabularies.office_area()]

    def add_office(self):
        office = self.published.office
        return self.add({
            "@id": identifiers.office_uri(),
            "@type": "cv:PublicOrganisation",
            "dct:identifier": identifiers.OFFICE,
            "dct:title": cs(office.office_name),
            "skos:prefLabel": cs(office.office_name),
            "dct:spatial": self.office_area(),
            "owl:sameAs": ref(identifiers.publisher_uri()),
            "locn:address": compact({"@type": "locn:Address", "locn:fullAddress": cs(office.address)})
            if office.address else None,
            "foaf:homepage": self.document(self.published.absolute("/")),
        })

    def add_department(self, department):
        return self.add({
            "@id": identifiers.department_uri(department),
            "@type": ["cv:PublicOrganisation", "org:OrganizationalUnit"],
            "dct:identifier": department.slug,
            "dct:title": cs(department.name),
            "skos:prefLabel": cs(department.name),
            "dct:spatial": self.office_area(),
            "dct:description": cs(department.description) if department.description else None,
            "org:unitOf": ref(identifiers.office_uri()),
            "cv:contactPoint": compact({"@type": "cv:ContactPoint", "cv:email": department.email,
                                        "cv:telephone": department.phone}) if department.email or department.phone
            else None,
        })

    def add_organisation(self, name):
        """An organisation known only by name; the office itself when the name is the office's."""
        uri = identifiers.organisation_uri(name, self.office_name)
        if uri not in self.nodes:
            self.add({"@id": uri, "@type": "cv:PublicOrganisation", "dct:identifier": uri.rsplit("/", 1)[-1],
                      "dct:title": cs(name), "skos:prefLabel": cs(name),
                      "dct:spatial": ref(vocabularies.CZECH_REPUBLIC.iri)})
        return uri

    def add_counter(self, counter):
        address = compact({
            "@type": "locn:Address",
            "locn:fullAddress": cs(counter.address),
            "locn:thoroughfare": cs(counter.street),
            "locn:postCode": counter.postcode,
            "locn:postName": cs(counter.city),
            "locn:locatorName": cs(", ".join(part for part in (counter.building, counter.floor, counter.room) if part))
            if counter.building or counter.floor or counter.room else None,
            "locn:adminUnitL1": cs(vocabularies.CZECH_REPUBLIC.labels["cs"]),
        })
        weekly = hours.weekly_in_order(counter.opening_hours.all())
        exceptions = hours.exceptions_in_order(counter.exceptions.all())
        return self.add({
            "@id": identifiers.uri("counter", counter.slug),
            "@type": "cv:Channel",
            "dct:identifier": counter.slug,
            "dct:title": self.labels(counter, "title"),
            "dct:description": self.labels(counter, "summary") if counter.summary else None,
            "dct:type": ref(channel_type_uri(Channel.IN_PERSON)),
            "cv:ownedBy": ref(self.add_organisation(counter.organisation)) if counter.organisation else None,
            "locn:address": address,
            "cv:contactPoint": compact({"@type": "cv:ContactPoint", "cv:email": counter.email,
                                        "cv:telephone": counter.phone,
                                        "cv:contactPage": self.document(counter.web_url)})
            if counter.email or counter.phone or counter.web_url else None,
            "cv:openingHours": [self.weekly_hours(row) for row in weekly],
            "cv:specialOpeningHoursSpecification": [self.exception_hours(row) for row in exceptions],
            "schema:accessibilitySummary": cs(counter.accessibility) if counter.accessibility else None,
            "foaf:page": self.document(self.published.page_url(counter)),
        })

    def weekly_hours(self, row):
        """One weekly interval: „pondělí 8:00–12:00“, every week."""
        day = hours.WEEKDAY_CHOICES[row.weekday][1]
        return {"@type": HOURS_TYPES,
                "dct:description": cs(f"{day} {hours.intervals_text([(row.opens, row.closes)])}"),
                "cv:frequency": ref(vocabularies.FREQUENCY_WEEKLY.iri),
                "schema:dayOfWeek": ref(schema_day(row.weekday)),
                "schema:opens": xsd_time(row.opens), "schema:closes": xsd_time(row.closes)}

    def exception_hours(self, row):
        """One dated exception: „24. 12. 2026 zavřeno (Štědrý den)“; without opening times it is closed."""
        return compact({
            "@type": HOURS_TYPES,
            "dct:description": cs(row.summary),
            "schema:validFrom": xsd_date(row.date), "schema:validThrough": xsd_date(row.date),
            "schema:opens": None if row.closed else xsd_time(row.opens),
            "schema:closes": None if row.closed else xsd_time(row.closes),
        })

    def add_form(self, form):
        """An online form is a channel; a printable form is evidence (the filled-in form to hand in)."""
        link = self.published.absolute(form.link)
        node = {
            "@id": identifiers.uri("form", form.slug),
            "dct:identifier": form.slug,
            "dct:title": cs(form.title),
            "dct:description": cs(form.description) if form.description else None,
            "foaf:page": self.document(link),
        }
        if form.kind == ApplicationForm.Kind.ONLINE:
            node.update({"@type": "cv:Channel", "dct:type": ref(channel_type_uri(Channel.ONLINE))})
        else:
            node.update({"@type": "cv:Evidence"})
        return self.add(node)

    def add_document(self, document):
        obtain = document.obtain_situation
        return self.add({
            "@id": identifiers.uri("document", document.slug),
            "@type": "cv:Evidence",
            "dct:identifier": document.slug,
            "dct:title": cs(document.name),
            "dct:description": cs(document.description) if document.description else None,
            "skos:altLabel": [cs(term.strip()) for term in document.lay_names.split(",") if term.strip()],
            "dct:type": ref(identifiers.uri("document_type", "ze-zakladnich-registru"))
            if document.fetched_by_office else None,
            "dct:relation": ref(identifiers.uri("situation", obtain.slug))
            if self.published.is_public_page(obtain) else None,
        })

    def service_channels(self, service):
        """Counters and online forms, then the shared channels for what the service offers without them."""
        channels = [identifiers.uri("counter", counter.slug) for counter in self.published.counters_of(service)]
        online_forms = [form for form in service.forms.all() if form.kind == ApplicationForm.Kind.ONLINE]
        channels += [identifiers.uri("form", form.slug) for form in online_forms]
        offered = set(service.channels)
        if Channel.IN_PERSON in offered and not self.published.counters_of(service):
            channels.append(identifiers.uri("channel", CHANNEL_TYPES[Channel.IN_PERSON]))
        if Channel.ONLINE in offered and not online_forms:
            channels.append(identifiers.uri("channel", CHANNEL_TYPES[Channel.ONLINE]))
        for channel in (Channel.POST, Channel.DATA_BOX):
            if channel in offered:
                channels.append(identifiers.uri("channel", CHANNEL_TYPES[channel]))
        return channels

    def add_costs(self, service, channels):
        costs = []
        for position, fee in enumerate(service.fees.all(), start=1):
            uri = identifiers.fee_uri(service, position)
            description = fee.label if fee.channel == "any" else f"{fee.label} ({fee.get_channel_display().lower()})"
            if fee.how_to_pay:
                description += f". {_('Jak zaplatit')}: {fee.how_to_pay}"
            # A fee that depends on the channel points to it, when the service has exactly one of that kind.
            through = [uri_ for uri_, kind in channels if kind == fee.channel] if fee.channel != "any" else []
            self.add({
                "@id": uri,
                "@type": "cv:Cost",
                "dct:identifier": f"{service.slug}-poplatek-{position}",
                "dct:description": cs(description),
                "cv:hasValue": typed(fee.amount, "xsd:double"),
                "cv:currency": ref(vocabularies.CURRENCY_CZK.iri),
                "cv:ifAccessedThrough": ref(through[0]) if len(through) == 1 else None,
                "schema:validFrom": xsd_date(fee.valid_from) if fee.valid_from else None,
            })
            costs.append(ref(uri))
        return costs

    def add_legal(self, reference):
        uri = identifiers.legal_uri(reference.act)
        if uri not in self.nodes:
            self.add({
                "@id": uri,
                "@type": "eli:LegalResource",
                "dct:identifier": reference.act,
                "dct:title": cs(f"{reference.act} {reference.title}".strip()),
                "foaf:page": self.document(reference.url),
            })
        return uri

    def add_service(self, service):
        channel_uris = self.service_channels(service)
        kinds = {identifiers.uri("channel", slug): channel.value for channel, slug in CHANNEL_TYPES.items()}
        kinds.update({identifiers.uri("counter", counter.slug): Channel.IN_PERSON.value
                      for counter in self.published.counters_of(service)})
        kinds.update({identifiers.uri("form", form.slug): Channel.ONLINE.value for form in service.forms.all()
                      if form.kind == ApplicationForm.Kind.ONLINE})
        costs = self.add_costs(service, [(uri, kinds.get(uri)) for uri in channel_uris])
        inputs = [identifiers.uri("document", row.document.slug) for row in service.documents.all()]
        inputs += [identifiers.uri("form", form.slug) for form in service.forms.all()
                   if form.kind != ApplicationForm.Kind.ONLINE]
        if service.department_id:
            authority = identifiers.department_uri(service.department)
        else:
            authority = self.add_organisation(service.provider)
        return self.add({
            "@id": identifiers.uri("service", service.slug),
            "@type": "cpsv:PublicService",
            "dct:identifier": service.slug,
            "dct:title": self.labels(service, "title"),
            "dct:description": self.labels(service, "summary"),
            "dcat:keyword": [cs(term.strip()) for term in service.lay_terms.split(",") if term.strip()],
            "cv:hasCompetentAuthority": ref(authority),
            "cv:hasChannel": [ref(uri) for uri in dict.fromkeys(channel_uris)],
            "cv:hasCost": costs,
            "cpsv:hasInput": [ref(uri) for uri in dict.fromkeys(inputs)],
            "cv:hasLegalResource": [ref(self.add_legal(reference)) for reference in service.legal_references.all()],
            "cv:isGroupedBy": [ref(identifiers.uri("situation", situation.slug))
                               for situation in self.published.situations_of(service)],
            "dct:spatial": self.office_area() if service.department_id else None,
            "foaf:page": self.document(self.published.page_url(service)),
        })

    def add_situation(self, situation):
        types = {
            Audience.CITIZENS: ["cv:LifeEvent"],
            Audience.BUSINESSES: ["cv:BusinessEvent"],
            Audience.BOTH: ["cv:LifeEvent", "cv:BusinessEvent"],
        }[situation.audience]
        topic = self.published.topic_of(situation)
        topic_uri = None
        if topic is not None:
            topic_uri = self.add({"@id": identifiers.uri("topic", topic.slug), "@type": "skos:Concept",
                                  "skos:prefLabel": self.labels(topic, "title")})
        return self.add({
            "@id": identifiers.uri("situation", situation.slug),
            "@type": types,
            "dct:identifier": situation.slug,
            "dct:title": self.labels(situation, "title"),
            "dct:description": self.labels(situation, "summary"),
            "dct:type": ref(topic_uri) if topic_uri else None,
            "cv:hasRelatedService": [ref(identifiers.uri("service", service.slug))
                                     for service in self.published.services_of(situation)],
            "foaf:page": self.document(self.published.page_url(situation)),
        })


def build_graph(published):
    """The CPSV-AP JSON-LD document of the whole catalog, as a dict ready for json.dumps."""
    return GraphBuilder(published).build()
