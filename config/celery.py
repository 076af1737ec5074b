"""The background worker: `python -m celery -A config worker` (started by `make run`).

Its settings are the CELERY_* ones in config/settings.py; the tasks are each
app's tasks.py.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
