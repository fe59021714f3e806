"""The schema of every CSV file as CSV on the Web metadata (W3C CSVW), written from the datasets' declarations.

Each file's metadata (`situace.csv-metadata.json` beside `situace.csv`, where CSVW tools look for it) is a
table group: the file itself, with its columns (name, Czech and English title, meaning, datatype, whether a
cell holds several values separated by „|“), its primary key and its foreign keys, followed by the files those
keys point to, described by their columns and key only. So a validator given one metadata file checks the
file's values and that every slug it names exists in the other file. File addresses are relative: the schema
holds wherever the files are saved side by side.

A column of several slugs (`sluzby` of a situation: „a|b|c“) is a foreign key whose every value must be a
key of the other file; csvw (the Python library the tests validate with) checks list-valued keys this way.
"""

from django.utils import translation

from . import exports, vocabularies
from .jsonld import compact, texts

CONTEXT = ["http://www.w3.org/ns/csvw", {"@language": "cs"}]


def column(declared):
    return compact({
        "name": declared.name,
        "titles": {"cs": str(declared.titles[0]), "en": declared.titles[1]},
        "dc:description": str(declared.description),
        "datatype": declared.datatype,
        "separator": exports.LIST_SEPARATOR if declared.many else None,
        "required": declared.required or None,
    })


def key(columns):
    return columns[0] if len(columns) == 1 else list(columns)


def table(dataset, with_foreign_keys=True):
    schema = {
        "columns": [column(declared) for declared in dataset.columns],
        "primaryKey": key(dataset.key),
    }
    if with_foreign_keys:
        schema["foreignKeys"] = [
            {"columnReference": declared.name,
             "reference": {"resource": exports.BY_NAME[declared.references].filename,
                           "columnReference": key(exports.BY_NAME[declared.references].key)}}
            for declared in dataset.foreign_keys()
        ]
    return compact({
        "url": dataset.filename,
        "dc:title": texts(dataset.title, dataset.title_en),
        "dc:description": texts(dataset.description, dataset.description_en),
        "tableSchema": compact(schema),
    })


def metadata(dataset):
    """The dataset's CSVW metadata document, as a dict ready for json.dumps (Czech whatever the request's)."""
    with translation.override("cs"):
        referenced = dict.fromkeys(declared.references for declared in dataset.foreign_keys())
        others = [exports.BY_NAME[name] for name in referenced if name != dataset.name]
        return {
            "@context": CONTEXT,
            "dc:title": texts(dataset.title, dataset.title_en),
            "dc:license": {"@id": vocabularies.LICENCE.iri},
            "tables": [table(dataset)] + [table(other, with_foreign_keys=False) for other in others],
        }
