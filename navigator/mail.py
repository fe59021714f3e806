"""An e-mail backend for development that writes each message as an .eml file a mail program opens.

`make run` sends the site's mail here (EMAIL_FILE_PATH, var/mail/ by default), so a newcomer can open what a
citizen would receive, HTML part and attachments included, by double-clicking the file. Django's own file
backend appends every message of a connection to one .log file, which no mail program reads.
"""

import itertools
import os
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

_sequence = itertools.count(1)


class EmlFileBackend(BaseEmailBackend):
    def __init__(self, file_path=None, **kwargs):
        super().__init__(**kwargs)
        self.folder = Path(file_path or getattr(settings, "EMAIL_FILE_PATH", "var/mail"))

    def send_messages(self, email_messages):
        self.folder.mkdir(parents=True, exist_ok=True)
        sent = 0
        for message in email_messages:
            name = f"{timezone.now():%Y%m%d-%H%M%S}-{os.getpid()}-{next(_sequence):04d}.eml"
            (self.folder / name).write_bytes(message.message().as_bytes(linesep="\r\n"))
            sent += 1
        return sent
