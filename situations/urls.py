from django.urls import path

from . import views

urlpatterns = [
    path("", views.plan, name="plan"),
    path("tisk/", views.plan_print, name="plan_print"),
    path("kalendar/", views.plan_calendar, name="plan_calendar"),
]
