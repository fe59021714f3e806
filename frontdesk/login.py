"""The clerks' own sign-in page: it says it is the front desk's, and every word on it is Czech.

Wagtail's login is the editors' (the admin's look, some of its words in English, "Zapomenuté heslo" into the admin);
clerks need not be editors at all. Django's LoginView does the work, through authenticate() with the request, so
the login lock (django-axes) watches this form as it watches the admin's.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache


class DeskLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Uživatelské jméno nebo heslo nesouhlasí. U obou záleží na velkých a malých písmenech."),
        "inactive": _("Tento účet je vypnutý. Obraťte se na správce webu."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Uživatelské jméno")
        self.fields["password"].label = _("Heslo")
        self.fields["username"].widget.attrs.update(autocomplete="username", autocapitalize="none",
                                                    spellcheck="false")
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})


@method_decorator(never_cache, name="dispatch")
class DeskLoginView(LoginView):
    form_class = DeskLoginForm
    template_name = "frontdesk/login.html"
    redirect_authenticated_user = True
    next_page = reverse_lazy("frontdesk:home")
    extra_context = {"page_title": _("Přihlášení na přepážku")}
