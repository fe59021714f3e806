from django.urls import path

from . import desk_views

app_name = "booking_desk"

urlpatterns = [
    path("", desk_views.day, name="day"),
    path("tisk/", desk_views.print_day, name="print"),
    path("kod/", desk_views.find, name="find"),
    path("<str:code>/stav/", desk_views.mark, name="mark"),
]
