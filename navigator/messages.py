"""Which messages the project asks to translate, and where it asks: what xgettext finds for `makemessages`.

No machine here has GNU gettext, so `makemessages` cannot run; this module does its reading with what Django and
the standard library offer. Templates go through Django's own `templatize` (what `makemessages` hands to
xgettext), which turns `{% translate %}`, `{% blocktranslate %}` and `_("…")` filter arguments into gettext
calls whose message is exactly the one the template asks for at run time (percent signs doubled, variables as
`%(name)s`). Python code is read with `ast`: a call of a gettext function whose message arguments are string
literals. Only the project's own apps are read, without their tests and migrations. navigator/catalogs.py
brings the catalogs in line with what is found here.
"""

import ast
import io
import re
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils.translation.template import templatize

# Each gettext function's leading positional arguments, by the part of the message they are.
GETTEXT_ARGUMENTS = {
    "gettext": ("msgid",),
    "gettext_lazy": ("msgid",),
    "gettext_noop": ("msgid",),
    "_": ("msgid",),
    "ngettext": ("msgid", "msgid_plural"),
    "ngettext_lazy": ("msgid", "msgid_plural"),
    "pgettext": ("msgctxt", "msgid"),
    "pgettext_lazy": ("msgctxt", "msgid"),
    "npgettext": ("msgctxt", "msgid", "msgid_plural"),
    "npgettext_lazy": ("msgctxt", "msgid", "msgid_plural"),
}
SKIPPED_FOLDERS = {"tests", "migrations", "node_modules", "__pycache__"}
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml"}
TRANSLATORS_MARK = "Translators"
PYTHON_FORMAT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")


@dataclass
class Message:
    """One message to translate, with every place that asks for it."""

    msgid: str
    msgid_plural: str = ""
    msgctxt: str | None = None
    locations: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    @property
    def key(self):
        return self.msgctxt, self.msgid

    @property
    def python_format(self):
        """Formatted with % at run time: a translation must keep its placeholders."""
        return any(PYTHON_FORMAT.search(text) for text in (self.msgid, self.msgid_plural))


@dataclass(frozen=True)
class Unreadable:
    """A gettext call with a variable as its message (the gettext_noop idiom): nothing to extract there."""

    location: str
    call: str


@dataclass
class Extraction:
    messages: dict = field(default_factory=dict)  # (msgctxt, msgid) -> Message, in the order first found
    unreadable: list = field(default_factory=list)

    def add(self, location, comment=None, **parts):
        message = self.messages.setdefault((parts.get("msgctxt"), parts["msgid"]), Message(**parts))
        if message.msgid_plural != parts.get("msgid_plural", ""):
            # One msgid cannot have two plurals (or none and one) in a catalog.
            raise ValueError(f"{location}: {message.msgid!r} has the plural forms {message.msgid_plural!r} "
                             f"and {parts.get('msgid_plural', '')!r}")
        message.locations.append(location)
        if comment and comment not in message.comments:
            message.comments.append(comment)


def extract():
    """Every message the project's Python code and templates ask to translate."""
    extraction = Extraction()
    python, templates = source_files()
    for path in python:
        read_python(path, extraction)
    for path in templates:
        read_template(path, extraction)
    return extraction


def source_files():
    """The Python files of the project's apps and every template they and the project render, sorted."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder).resolve() for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])]
    python, templates = set(), set()
    for app in project_apps(base):
        python |= {path for path in app.rglob("*.py") if not skipped(path, base)}
        folders.append(app / "templates")
    for folder in folders:
        if folder.is_dir():
            templates |= {path for path in folder.rglob("*")
                          if path.suffix in TEMPLATE_SUFFIXES and not skipped(path, base)}
    return sorted(python), sorted(templates)


def project_apps(base):
    """The folders of the installed apps that live in the project (not in a virtualenv); a nested app
    (navigator.demo) is read with its parent."""
    own = sorted({Path(config.path).resolve() for config in apps.get_app_configs()})
    own = [folder for folder in own if folder.is_relative_to(base) and not skipped(folder, base)]
    return [folder for folder in own if not any(folder != other and folder.is_relative_to(other) for other in own)]


def skipped(path, base):
    return any(part in SKIPPED_FOLDERS or part.startswith(".") for part in path.relative_to(base).parts)


def relative(path):
    return path.resolve().relative_to(Path(settings.BASE_DIR).resolve()).as_posix()


# ---------------------------------------------------------------------------------------------------------
# Python


def read_python(path, extraction):
    source = path.read_text(encoding="utf-8")
    comments = translator_comments(source)
    for node in ast.walk(ast.parse(source, filename=str(path))):
        roles = GETTEXT_ARGUMENTS.get(function_name(node)) if isinstance(node, ast.Call) else None
        if roles is None:
            continue
        location = f"{relative(path)}:{node.lineno}"
        values = [literal(argument) for argument in node.args[:len(roles)]]
        if len(values) < len(roles) or None in values:
            extraction.unreadable.append(Unreadable(location, ast.unparse(node)))
            continue
        extraction.add(location, comments.get(node.lineno), **dict(zip(roles, values)))


def function_name(call):
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def literal(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def translator_comments(source):
    """`# Translators: …` comments (with the comment lines after them), by the line of code they precede."""
    found, pending = {}, []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            text = token.string.lstrip("#").strip()
            if pending or text.startswith(TRANSLATORS_MARK):
                pending.append(text)
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) and pending:
            found[token.start[0]] = " ".join(pending)
            pending = []
    return found


# ---------------------------------------------------------------------------------------------------------
# Templates


def read_template(path, extraction):
    """The template's messages as `templatize` writes them: each call on one line, its literals in Python
    syntax, on the line of the template that asks for it; a translators' comment on a line before."""
    comment = None
    for number, line in enumerate(templatize(path.read_text(encoding="utf-8"), str(path)).splitlines(), start=1):
        calls = list(gettext_calls(line))
        remark = line.strip().lstrip("#").strip()
        if not calls and remark.startswith(TRANSLATORS_MARK):
            comment = remark
            continue
        location = f"{relative(path)}:{number}"
        for name, values in calls:
            roles = GETTEXT_ARGUMENTS[name]
            if len(values) < len(roles) or None in values[:len(roles)]:
                extraction.unreadable.append(Unreadable(location, line.strip()))
            else:
                extraction.add(location, comment, **dict(zip(roles, values)))
        if calls or line.strip():
            comment = None


def gettext_calls(line):
    """(function, [its leading arguments: a string, or None for anything else]) for each call on the line."""
    try:
        tokens = [token for token in tokenize.generate_tokens(io.StringIO(line).readline)
                  if token.type in (tokenize.NAME, tokenize.OP, tokenize.STRING)]
    except (tokenize.TokenError, IndentationError):
        return
    for index, token in enumerate(tokens[:-1]):
        if token.type == tokenize.NAME and token.string in GETTEXT_ARGUMENTS and tokens[index + 1].string == "(":
            yield token.string, call_arguments(tokens[index + 2:])


def call_arguments(tokens):
    values, current = [], None
    for token in tokens:
        if token.type == tokenize.STRING:
            current = (current or "") + ast.literal_eval(token.string)  # adjacent literals join
        elif token.string in {",", ")"}:
            values.append(current)
            current = None
            if token.string == ")":
                break
        else:
            values.append(None)
            break
    return values
