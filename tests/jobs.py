"""Background jobs in tests: the worker's task runs at once (eagerly) when the
request that made the job commits."""

from portal.models import Job


def posted_job(client, capture_on_commit, url, data, method="post"):
    """Send the request that makes a job; run the job; the job and the response."""
    with capture_on_commit(execute=True):
        response = getattr(client, method)(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    job = Job.objects.latest("pk")
    assert response["Location"].endswith(f"/portal/job/{job.pk}/change/")
    job.refresh_from_db()
    return job, response
