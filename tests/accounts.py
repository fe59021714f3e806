"""Signing in as people do: through the login form, which the login rate limit (django-axes) watches."""

from django.urls import reverse


def sign_in(client, username, password):
    response = client.post(reverse("wagtailadmin_login"), {"username": username, "password": password, "next": "/"})
    return response.status_code == 302 and "_auth_user_id" in client.session
