#!/usr/bin/env python3
"""Read pytest's JUnit report: fail unless tests ran, none skipped, and the browser suite ran."""

import sys
import xml.etree.ElementTree as ET

cases = list(ET.parse(sys.argv[1]).getroot().iter("testcase"))
skipped = [c for c in cases if c.find("skipped") is not None]
failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
browser = [c for c in cases if ".browser." in c.get("classname", "") and c not in skipped and c not in failed]
print(f".ci/run: {len(cases)} tests, {len(browser)} browser tests passed, {len(skipped)} skipped, {len(failed)} failed")
if not cases:
    sys.exit(".ci/run: pytest collected no tests")
if skipped:
    sys.exit(".ci/run: tests were skipped, which CI counts as failures")
if not browser:
    sys.exit(".ci/run: the browser tests did not run")
if failed:
    sys.exit(".ci/run: tests failed")
