"""Validation of the open data against the shapes in tests/opendata/shapes/, the way an outside reuser checks it.

`python -m tests.opendata.conformance FILE.jsonld {cpsv|dcat}` prints the violations of a saved file and
their count, so the figures can be compared across versions without the test database.
"""

import sys
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Path(__file__).parent / "shapes"

# Which shapes check which document, and over which vocabulary RDFS inference runs.
PROFILES = {
    "cpsv": ("cpsv-ap-3.2.0.ttl", "cpsv-ap-vocabulary.ttl"),
    "dcat": ("dcat-ap-3.0.1.ttl", None),
}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    constraint: str
    value: str

    def __str__(self):
        return f"{self.constraint} on {self.path} of {self.focus} (value {self.value})"


def json_ld_graph(text):
    graph = Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(data=text, format="json-ld")
    return graph


def _turtle(name):
    return Graph().parse(SHAPES / name, format="turtle") if name else None


def violations(graph, profile):
    """Every sh:Violation the profile's shapes find in the graph, in a stable order."""
    shapes, vocabulary = PROFILES[profile]
    ontology = _turtle(vocabulary)
    _conforms, report, _text = validate(
        graph, shacl_graph=_turtle(shapes), ont_graph=ontology, inference="rdfs" if ontology else "none",
        abort_on_first=False, allow_warnings=True,
    )
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        component = str(report.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        found.append(Violation(str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultPath)),
                               component, str(report.value(result, SH.value))))
    return sorted(found, key=str)


def summary(found):
    """Counts by (constraint, path): what an issue report lists."""
    return Counter((item.constraint, item.path) for item in found)


if __name__ == "__main__":
    file_name, profile = sys.argv[1], sys.argv[2]
    found = violations(json_ld_graph(Path(file_name).read_text()), profile)
    for (constraint, path), count in sorted(summary(found).items()):
        print(f"{count:5}  {constraint:32} {path}")
    print(f"{len(found)} violations")
