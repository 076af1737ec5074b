"""`manage.py bench`: the portal at national scale, measured in one run.

Modules: pages (the addresses measured, chosen from the data, and their
queries and server time in-process), server (gunicorn on a free port),
wrk (running wrk and reading its output), export (the CSV export beside
PostgreSQL's COPY, in a fresh process), report (budgets and the Markdown
table).
"""
