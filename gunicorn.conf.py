"""gunicorn's settings for every way this site runs under it (`make run`, the browser tests, the load benchmark,
the two-server test, production): gunicorn reads this file from the folder it starts in; the command line adds the
address and the number of workers.

The application is loaded once, in the master process, before the workers are forked (navigator/warmup.py says
what that loads): a worker's first visitor does not wait for it, and the workers share the memory it takes.
"""

preload_app = True


def pre_fork(server, worker):
    """No database connection crosses a fork: one opened while loading would be one socket shared by every worker."""
    from django.db import connections

    connections.close_all()
