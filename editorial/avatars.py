"""Users' avatars as their initials, drawn here instead of fetched from an image service.

Wagtail shows a Gravatar for a user who has not uploaded a picture. The site sends no visitor data to other
services (its Content-Security-Policy allows images only from itself and `data:`), and the office's network may
not reach one, so editors saw a broken image. A user without an uploaded avatar gets an SVG of their initials
instead, as a `data:` URL that needs no request.
"""

import hashlib
from urllib.parse import quote

from django.utils.html import escape

# Wagtail admin's own dark colours, so white letters stay readable on each (contrast over 4.5:1).
BACKGROUNDS = ("#007d7e", "#262626", "#2e1f5e", "#0c4a6e", "#7b2d26", "#335b1d")


def initials(user):
    """„Jana Nováková“ → „JN“; a user without a name gives the first letter of the username."""
    names = [part for part in (user.first_name, user.last_name) if part and part.strip()]
    letters = "".join(name.strip()[0] for name in names) or (user.get_username() or "?")[:1]
    return letters.upper()


def initials_avatar_url(user, size=50):
    text = escape(initials(user))
    colour = BACKGROUNDS[int(hashlib.sha256(user.get_username().encode()).hexdigest(), 16) % len(BACKGROUNDS)]
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
           f'<rect width="100" height="100" fill="{colour}"/>'
           f'<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="sans-serif" font-size="42" '
           f'font-weight="600" fill="#fff">{text}</text></svg>')
    return "data:image/svg+xml," + quote(svg)


def avatar_url(user, size):
    """For Wagtail's `get_avatar_url` hook: an uploaded avatar wins (None lets Wagtail show it), else initials.
    A log entry of no user (a system action) keeps Wagtail's own blank avatar."""
    if user is None or not hasattr(user, "get_username"):
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    return initials_avatar_url(user, size)
