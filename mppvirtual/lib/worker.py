"""A registry of periodic background jobs, run by `manage.py run_worker`.

Apps register their jobs in AppConfig.ready(); this module imports no app. In the embedded mode
`make run` starts one worker beside the web server; in production it runs under a supervisor.
"""

from dataclasses import dataclass


@dataclass
class Job:
    name: str
    every_seconds: float
    func: object


JOBS: dict[str, Job] = {}


def register(name, every_seconds, func):
    JOBS[name] = Job(name, every_seconds, func)
