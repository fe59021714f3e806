from django.contrib.auth.views import LogoutView
from django.urls import path

from . import views
from .login import DeskLoginView

app_name = "frontdesk"

urlpatterns = [
    path("", views.home, name="home"),
    path("vysledky/", views.results, name="results"),
    path("situace/<str:slug>/", views.situation, name="situation"),
    path("situace/<str:slug>/tisk/", views.print_checklist, name="print"),
    path("sluzba/<str:slug>/", views.service, name="service"),
    path("prihlasit/", DeskLoginView.as_view(), name="login"),
    # Wagtail's own logout is only for users with admin access; clerks need not have it.
    path("odhlasit/", LogoutView.as_view(next_page="frontdesk:home"), name="logout"),
]
