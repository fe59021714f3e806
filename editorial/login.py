"""Wagtail's sign-in form with every label in the editors' language.

Wagtail's LoginForm declares the password field without a label, so Django shows the field's name, "Password",
which no catalog translates.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class EditorLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Heslo")
