#!/usr/bin/env bash
# End-to-end check in a real browser. Builds anketa (unless ANKETA_BIN names a built binary), creates a
# fresh database and an admin, starts `anketa serve` on a free loopback port, creates a run through
# the console with curl, then drives headless Chromium (Selenium + Debian's chromium-driver) to open
# the form, submit it empty (errors), fill it, submit it and reach the thank-you page. Checks that the
# response is in the store with `anketa export`, and saves screenshots to Results/browser/:
#   form-phone.png (390×844), form-phone-question.png, form-phone-errors.png, form-phone-invalid.png,
#   form-desktop.png (1280×900), thanks-phone.png.
# Installs what it needs (apt: chromium chromium-driver curl; pip: selenium) if missing.
#
#   scripts/browser-test.sh                  # builds with --scratch-path ${ANKETA_SCRATCH_PATH:-.build}
#   ANKETA_BIN=.build/debug/anketa scripts/browser-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/Results/browser"
QUESTIONNAIRE=${ANKETA_BROWSER_QUESTIONNAIRE:-parents-satisfaction}

log() { printf '[browser-test] %s\n' "$*" >&2; }

# --- What it needs ----------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c 'import selenium' 2>/dev/null; then
    log "installing selenium (pip)"
    python3 -m pip install --quiet selenium
fi
scripts/install-deps.sh

# --- Build ------------------------------------------------------------------------------------
if [ -z "${ANKETA_BIN:-}" ]; then
    SCRATCH=${ANKETA_SCRATCH_PATH:-.build}
    log "building anketa (--scratch-path $SCRATCH)"
    swift build --product anketa --scratch-path "$SCRATCH" >&2
    ANKETA_BIN="$(swift build --scratch-path "$SCRATCH" --show-bin-path)/anketa"
fi
[ -x "$ANKETA_BIN" ] || { log "no anketa binary at $ANKETA_BIN"; exit 1; }

# --- Server -----------------------------------------------------------------------------------
# shellcheck source=lib/test-server.sh
source "$ROOT/scripts/lib/test-server.sh"
test_server_start "$ANKETA_BIN" "$ROOT"
WAVE="браузер-$(date +%Y%m%d%H%M%S)"
test_server_create_run "$QUESTIONNAIRE" "$WAVE"

# --- The browser --------------------------------------------------------------------------------
mkdir -p "$OUT"
rm -f "$OUT"/*.png
MARKER="Проверка из браузера $RANDOM$RANDOM"
python3 - "$BASE$SURVEY_PATH" "$OUT" "$MARKER" <<'PY'
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

url, out, marker = sys.argv[1:4]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
             "--force-device-scale-factor=1", "--lang=ru-RU"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)

def resize(width, height):
    # The window's outer size differs from the viewport: adjust so the viewport is exact.
    driver.set_window_size(width, height)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])

def submit(button):
    # Click and wait until the next page has replaced this one (the form is a plain POST).
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

def fail(message):
    driver.save_screenshot(f"{out}/failure.png")
    print("FAIL:", message, file=sys.stderr)
    driver.quit()
    sys.exit(1)

try:
    resize(1280, 900)
    driver.get(url)
    if not driver.find_elements(By.CSS_SELECTOR, "form[method=post] fieldset"):
        fail("no form at " + url)
    driver.save_screenshot(f"{out}/form-desktop.png")

    resize(390, 844)
    driver.get(url)
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 390:
        fail(f"the form scrolls sideways on a phone: {width}px wide")
    driver.save_screenshot(f"{out}/form-phone.png")
    first = driver.find_element(By.CSS_SELECTOR, "form[method=post] fieldset")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", first)
    driver.save_screenshot(f"{out}/form-phone-question.png")

    # Sent empty: the errors, the summary on top, nothing lost.
    submit(driver.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]"))
    if not driver.find_elements(By.CSS_SELECTOR, ".summary"):
        fail("an empty form was not refused with a summary of errors")
    driver.save_screenshot(f"{out}/form-phone-errors.png")
    invalid = driver.find_elements(By.CSS_SELECTOR, "fieldset.invalid, .field.invalid")
    if not invalid:
        fail("no question is marked invalid")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", invalid[1 if len(invalid) > 1 else 0])
    driver.save_screenshot(f"{out}/form-phone-invalid.png")

    # Fill it in: the first option of every question, text in the text fields.
    for fieldset in driver.find_elements(By.CSS_SELECTOR, "form[method=post] fieldset"):
        option = fieldset.find_element(By.CSS_SELECTOR, "input[type=radio], input[type=checkbox]")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", option)
        if not option.is_selected():
            option.click()
    for field in driver.find_elements(By.CSS_SELECTOR, "form[method=post] input[type=text]"):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        field.clear()
        field.send_keys("5" if field.get_attribute("inputmode") == "decimal" else "5А")
    for area in driver.find_elements(By.CSS_SELECTOR, "form[method=post] textarea"):
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", area)
        area.clear()
        area.send_keys(marker)
    button = driver.find_element(By.CSS_SELECTOR, "form[method=post] button[type=submit]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    submit(button)

    if not driver.current_url.endswith("/thanks"):
        errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".error")]
        fail(f"not on the thank-you page: {driver.current_url} {errors}")
    if "Спасибо" not in driver.page_source:
        fail("the thank-you page does not thank")
    driver.save_screenshot(f"{out}/thanks-phone.png")
    print("browser: form filled and sent, thank-you page reached", file=sys.stderr)
finally:
    driver.quit()
PY

# --- In the store? --------------------------------------------------------------------------------
"$ANKETA_BIN" export "$QUESTIONNAIRE" --wave "$WAVE" --unit "Школа № 1" --db "$DB" -o "$WORK/export.csv" >&2
if ! grep -q "$MARKER" "$WORK/export.csv"; then
    log "the response is not in the store"; exit 1
fi
rows=$(($(wc -l <"$WORK/export.csv") - 1))
[ "$rows" -eq 1 ] || { log "expected 1 response in the export, found $rows"; exit 1; }
log "OK: 1 response stored; screenshots in ${OUT#"$ROOT"/}/"
