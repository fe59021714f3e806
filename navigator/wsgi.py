import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.production")
application = get_wsgi_application()

from navigator.warmup import warm_up  # noqa: E402  (needs the application's settings and apps)

warm_up()
