"""The read-only JSON API (Django REST framework): events, organisations and
MoUs, listed with the public lists' filters and paging, and one by one;
described by the OpenAPI schema at /api/schema/ (drf-spectacular)."""
