"""No IP address, user agent or query string reaches the web server's access log."""

import re
from pathlib import Path

SERVE = Path(__file__).resolve().parents[2] / "bin" / "serve"


def test_the_access_log_format_leaves_out_ip_user_agent_and_query():
    fmt = re.search(r"--access-logformat '([^']*)'", SERVE.read_text()).group(1)
    used = set(re.findall(r"%\((\w+)\)s", fmt))

    assert used, "bin/serve must set an explicit access log format"
    # h: remote address, a: user agent, q / r / U+q: query string, f: referer, {...}i: request headers
    assert not used & {"h", "a", "q", "r", "f", "u"}
    assert "{" not in fmt
