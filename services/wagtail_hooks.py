"""The service chooser: every foreign key to a service in the admin (a step's services, a service's condition)."""

from wagtail import hooks

from .choosers import service_chooser_viewset


@hooks.register("register_admin_viewset")
def register_service_chooser():
    return service_chooser_viewset
