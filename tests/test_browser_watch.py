"""The console check every browser test gets from conftest.py: what it records, and how a
test declares the errors it expects. (That an undeclared error fails a test is shown by the
mutation check: tests/mutation/run.py focus-handler-throws.)"""

from __future__ import annotations

import pytest
from conftest import BrowserWatch


def test_undeclared_problems_and_unmet_expectations_are_both_reported() -> None:
    watch = BrowserWatch("t")
    watch.problems += ["page error on http://127.0.0.1:1/: Error: boom",
                       "HTTP 404 http://127.0.0.1:1/nope"]
    watch.expect(r"^HTTP 404 ")
    watch.expect(r"never happens")
    assert watch.unexpected() == [
        "page error on http://127.0.0.1:1/: Error: boom",
        "expected a console/page error matching 'never happens', none came",
    ]


@pytest.mark.browser
def test_page_errors_console_errors_and_outside_requests_are_recorded(make_page,
                                                                      site_url: str) -> None:
    """Each declared expectation must be met at teardown, so this test fails if the watch
    stops recording any of the three. Without the site's Content-Security-Policy, which would
    stop the request to another host before the watch could see it."""
    page = make_page(locale="ko-KR", bypass_csp=True)
    page.goto(site_url + "en/", wait_until="load")
    page.watch.expect(r"^page error on .*: (Error: )?thrown by the test")
    page.watch.expect(r"^console error from .*: logged by the test")
    page.watch.expect(r"^request to another host \(blocked\): https://example\.org/x")
    page.watch.expect(r"^console error from https://example\.org/x: .*ERR_FAILED")
    page.evaluate("console.error('logged by the test')")
    page.evaluate("setTimeout(() => { window.thrown = 1; throw new Error('thrown by the test'); })")
    page.wait_for_function("window.thrown")
    # evaluate() waits for the promise: the request has been routed (and blocked) by then
    assert page.evaluate("fetch('https://example.org/x').then(() => 'sent', () => 'blocked')") \
        == "blocked"
    assert page.watch.outside_requests == ["https://example.org/x"]
    assert "logged by the test" in page.watch.console_errors


@pytest.mark.browser
@pytest.mark.expect_console(r"^HTTP 404 .*/missing-on-purpose/$", r"404 \(Not Found\)")
def test_the_marker_declares_expected_errors(watched_page, site_url: str) -> None:
    response = watched_page.goto(site_url + "missing-on-purpose/")
    assert response.status == 404
