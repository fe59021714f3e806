"""Booking codes: short enough to read out at a counter, too many to guess, and a signed link per booking.

A code is 10 characters of Crockford's base32 (digits and capitals without I, L, O and U, so nothing is misread):
50 random bits, about 10^15 codes. Nothing public ever looks a booking up by its code alone; the citizen's
link carries the code signed with SECRET_KEY, so knowing someone's code (from a printed list, over a
shoulder) opens nothing, and a clerk finds a code only when signed in.
"""

import re
import secrets

from django.core import signing

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
SALT = "navigator.booking.manage"
MAX_TOKEN_LENGTH = 120
# What people type instead: O for 0, I or L for 1, dashes and spaces between the groups.
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_NOT_CODE = re.compile(r"[\s\-–]")


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code):
    """ABCDE-FGHJK: two groups of five, as printed and spoken."""
    return f"{code[:5]}-{code[5:]}" if len(code) == LENGTH else code


def normalise(text):
    """What someone typed as a code, as stored; '' when it cannot be one."""
    code = _NOT_CODE.sub("", (text or "")[:40]).upper().translate(_READ_AS)
    if len(code) != LENGTH or any(character not in ALPHABET for character in code):
        return ""
    return code


def manage_token(code):
    """The part of the citizen's link that proves they were given this booking."""
    return signing.Signer(salt=SALT).sign(code)


def code_from_token(token):
    """The code a genuine token carries, or None."""
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        return signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
