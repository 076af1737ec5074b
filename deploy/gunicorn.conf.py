"""gunicorn's settings for one instance of the portal: `gunicorn -c deploy/gunicorn.conf.py
config.wsgi:application` (deploy/systemd/portal-web@.service; `make prod-smoke` and
`make loadtest` start theirs with it too).

Environment: GUNICORN_BIND, where this instance listens (127.0.0.1:8001: only
nginx may reach it, since the portal believes the X-Real-IP nginx writes);
WEB_CONCURRENCY, its worker processes (gunicorn's own variable; two a core by
default); PROMETHEUS_MULTIPROC_DIR, a folder of this instance's own where its
workers' metrics add up (below).
"""

import multiprocessing
import os
import shutil

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
# A worker is restarted only when a request hangs this long (the biggest
# reports are built in the request).
timeout = 60
# On SIGTERM (a deploy, systemctl stop) the requests under way are finished.
graceful_timeout = 30
# Connections waiting for a worker: more than nginx opens at once on a busy day.
backlog = 2048
# Workers are not replaced after some number of requests (max_requests): in
# the load test both workers of an instance were replaced within 2 s of each
# other, and the instance answered nothing for 15 s while new ones started.
# nginx keeps the access log (deploy/nginx/portal.conf); gunicorn's own
# messages go to stderr, the journal.
accesslog = None
errorlog = "-"
# gunicorn's control socket (gunicornc) is not used: systemd's signals run the
# instances, and two instances on one machine would share its one default path.
control_socket_disable = True
# X-Forwarded-Proto is believed from nginx only (on this machine).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# prometheus-client's multiprocess mode: each worker writes its counters to
# files in this folder, and /metrics adds every worker's up (django-prometheus).
METRICS_DIR = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def on_starting(server):
    """A fresh folder: files left by an earlier run would add its counts to this one's."""
    if METRICS_DIR:
        shutil.rmtree(METRICS_DIR, ignore_errors=True)
        os.makedirs(METRICS_DIR)


def child_exit(server, worker):
    """A worker gone: its gauges no longer count (its counters still do)."""
    if METRICS_DIR:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
