# The Celery app is made with Django, so that `.delay()` anywhere reaches its broker.
from .celery import app as celery_app

__all__ = ["celery_app"]
