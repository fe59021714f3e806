"""What the /otevrena-data/ page shows of each CSV file, for a reuser deciding whether and how to use it: the
schema (each column's title, type and the file it points to), a sample of rows, and how to join it to the file
its first foreign key names, with a worked example from the data itself. All from the datasets' declarations.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import exports

SAMPLE_ROWS = 3


@dataclass(frozen=True)
class SchemaRow:
    name: str
    title: str
    title_en: str
    kind: str
    description: str
    references: object  # the Dataset the column's slugs point to, or None


@dataclass(frozen=True)
class Join:
    source: exports.Dataset
    column: exports.Column
    target: exports.Dataset
    code: str
    example: tuple  # (a row's label, the label of the record it points to), or () when the data has none


@dataclass(frozen=True)
class DatasetOverview:
    dataset: exports.Dataset
    row_count: int
    schema: list
    sample: list  # the first rows, as lists of cell strings in column order
    join: Join | None


def kind(column):
    """A column's datatype in words."""
    datatype = column.datatype if isinstance(column.datatype, str) else column.datatype["base"]
    words = {
        "string": _("text"),
        "anyURI": _("odkaz (URL)"),
        "date": _("datum (RRRR-MM-DD)"),
        "datetime": _("datum a čas (ISO 8601)"),
        "boolean": _("true, nebo false"),
        "decimal": _("desetinné číslo"),
        "integer": _("celé číslo"),
        "time": _("čas (HH:MM)"),
    }[datatype]
    return _("%(kind)s, víc hodnot oddělených „|“") % {"kind": words} if column.many else words


def label_index(dataset):
    """Which column names a record for people: its title, else the first column."""
    names = dataset.header()
    for name in ("nazev", "za_co", "den"):
        if name in names:
            return names.index(name)
    return 0


def join_code(source, column, target):
    """A few lines of Python (standard library only) that join the two files."""
    key = target.key[0]
    label = target.header()[label_index(target)]
    lines = [
        "import csv",
        "",
        f'{target.name.replace("-", "_")} = {{row["{key}"]: row for row in csv.DictReader('
        f'open("{target.filename}", encoding="utf-8-sig"))}}',
        f'for row in csv.DictReader(open("{source.filename}", encoding="utf-8-sig")):',
    ]
    target_var = target.name.replace("-", "_")
    if column.many:
        lines += [f'    for slug in filter(None, row["{column.name}"].split("|")):',
                  f'        print(row["{source.header()[label_index(source)]}"], "→", {target_var}[slug]["{label}"])']
    else:
        lines += [f'    print(row["{source.header()[label_index(source)]}"], "→", '
                  f'{target_var}[row["{column.name}"]]["{label}"])']
    return "\n".join(lines)


def join_of(source, records_by_name):
    foreign_keys = source.foreign_keys()
    if not foreign_keys:
        return None
    column = foreign_keys[0]
    target = exports.BY_NAME[column.references]
    position = source.header().index(column.name)
    key_position = target.header().index(target.key[0])
    targets = {record[key_position]: record for record in records_by_name[target.name]}
    example = ()
    for record in records_by_name[source.name]:
        slugs = [slug for slug in record[position].split(exports.LIST_SEPARATOR) if slug in targets]
        if slugs:
            example = (record[label_index(source)], targets[slugs[0]][label_index(target)])
            break
    return Join(source, column, target, join_code(source, column, target), example)


def overviews(published, datasets=exports.DATASETS):
    records_by_name = {dataset.name: dataset.records(published) for dataset in exports.DATASETS}
    return [
        DatasetOverview(
            dataset=dataset,
            row_count=len(records_by_name[dataset.name]),
            schema=[SchemaRow(column.name, str(column.titles[0]), column.titles[1], kind(column),
                              str(column.description),
                              exports.BY_NAME[column.references] if column.references else None)
                    for column in dataset.columns],
            sample=records_by_name[dataset.name][:SAMPLE_ROWS],
            join=join_of(dataset, records_by_name),
        )
        for dataset in datasets
    ]
