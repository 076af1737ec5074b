"""Celery makes its broker connections, queues and router at first use, from
the settings of that moment, and keeps them. A test that changes the broker
URL or the default queue must have them made anew, or later tasks go where
the settings pointed before (the worker test, run after the broker-down test
in the same process, waited in vain for a task sent to another queue)."""

# What Celery's AMQP layer keeps from the settings it first read.
CACHED = ("default_queue", "queues", "router", "default_exchange", "_producer_pool")


def fresh_connections(app):
    """Forget the app's pools, queues and router: the next task uses the settings as they are.

    (The old pools are not closed here: kombu's registry may still hand one
    to a thread, which must not find it closed.)"""
    app._pool = None
    for name in CACHED:
        app.amqp.__dict__.pop(name, None)
    # The routes table is kept apart from the router (task_routes).
    app.amqp.flush_routes()
