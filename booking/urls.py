from django.urls import path

from . import views

app_name = "booking"

urlpatterns = [
    path("rezervace/<str:token>/", views.detail, name="detail"),
    path("rezervace/<str:token>/kalendar.ics", views.calendar, name="calendar"),
    path("rezervace/<str:token>/zrusit/", views.cancel, name="cancel"),
    path("rezervace/<str:token>/presunout/", views.move, name="move"),
    path("rezervace/<str:token>/presunout/<str:slot>/", views.move_to, name="move_to"),
    path("<str:service>/", views.choose_counter, name="service"),
    path("<str:service>/<str:counter>/", views.week, name="week"),
    path("<str:service>/<str:counter>/<str:slot>/", views.booking_form, name="form"),
]
