"""Who may use the front desk: signed-in members of the clerks' group, and superusers."""

from functools import wraps

from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _

# The one place that names the clerks' group; its migration and the demo accounts read it from here.
CLERK_GROUP = "Přepážka"


def clerk_group():
    """The clerks' group (created by a migration; made again if an administrator has deleted it)."""
    return Group.objects.get_or_create(name=CLERK_GROUP)[0]


def is_clerk(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=CLERK_GROUP).exists()


def clerk_required(view):
    """Anonymous visitors go to the desk's login (and come back after it); others outside the group get 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), resolve_url("frontdesk:login"))
        if not is_clerk(request.user):
            context = {"page_title": _("Přepážka je jen pro pracovníky úřadu")}
            return render(request, "frontdesk/forbidden.html", context, status=403)
        return view(request, *args, **kwargs)

    return wrapped
