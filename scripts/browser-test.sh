#!/usr/bin/env bash
# End-to-end check in a real browser. Builds anketa (unless ANKETA_BIN names a built binary), creates a
# fresh database and an admin, starts `anketa serve` on a free loopback port, creates a run through
# the console with curl, then drives headless Chromium (Selenium + Debian's chromium-driver) at 390 px
# through the parents' questionnaire section by section: «Далее» on an empty section (errors), every
# section filled, «Назад» and forward again (answers kept), the review page, «Отправить», the
# thank-you page, then Back and a resend from a second tab (both must say «Ваши ответы уже получены»).
# Checks with `anketa export` that exactly one response is stored, and saves screenshots to
# Results/browser/: section-phone.png (390×844), section-phone-errors.png, review-phone.png,
# thanks-phone.png, repeat-phone.png, section-desktop.png and repeat-desktop.png (1280×900).
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
python3 - "$BASE$SURVEY_PATH" "$OUT" "$MARKER" "$PWD/scripts/lib" <<'PY'
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
sys.path.insert(0, sys.argv[4])  # scripts/lib
from browser_wait import click_and_wait

url, out, marker = sys.argv[1:4]
ALREADY = "Ваши ответы уже получены"
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

def wait_loaded():
    WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

def submit(button):
    # Click and wait until the next page has replaced this one (every button is a plain POST).
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    click_and_wait(driver, button)

def button(value):
    found = driver.find_elements(By.CSS_SELECTOR, f"form[method=post] button[name=go][value={value}]")
    return found[0] if found else None

def heading():
    return driver.find_element(By.TAG_NAME, "h1").text

def progress():
    found = driver.find_elements(By.CSS_SELECTOR, ".progress-text")
    return found[0].text if found else ""

def fail(message):
    driver.save_screenshot(f"{out}/failure.png")
    print("FAIL:", message, file=sys.stderr)
    driver.quit()
    sys.exit(1)

def check_width():
    width = driver.execute_script("return document.documentElement.scrollWidth")
    if width > 390:
        fail(f"{driver.current_url} scrolls sideways on a phone: {width}px wide")

def fill_page():
    # The first option of every question, text in the text fields.
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

try:
    resize(1280, 900)
    driver.get(url)
    if not driver.find_elements(By.CSS_SELECTOR, "form[method=post] fieldset, form[method=post] .field"):
        fail("no form at " + url)
    driver.save_screenshot(f"{out}/section-desktop.png")

    resize(390, 844)
    driver.get(url)
    check_width()
    total = progress()
    if not total.startswith("Раздел 1 из "):
        fail(f"the first page does not say «Раздел 1 из …»: {total!r}")
    sections = int(total.split()[-1])
    driver.save_screenshot(f"{out}/section-phone.png")

    # «Далее» on an empty page: the errors of this page, the summary on top.
    submit(button("next"))
    if not driver.find_elements(By.CSS_SELECTOR, ".summary"):
        fail("an empty page was not refused with a summary of errors")
    if progress() != "Раздел 1 из %d" % sections:
        fail("the refused page is not the same section")
    driver.save_screenshot(f"{out}/section-phone-errors.png")

    # Section by section; on the second one, «Назад» and forward again keeps the answers.
    went_back = False
    for number in range(1, sections + 1):
        if progress() != "Раздел %d из %d" % (number, sections):
            fail(f"expected section {number} of {sections}, found {progress()!r}")
        check_width()
        fill_page()
        if number == 2 and not went_back:
            went_back = True
            submit(button("back"))
            if progress() != "Раздел 1 из %d" % sections:
                fail("«Назад» did not go to the first section")
            kept = driver.find_elements(By.CSS_SELECTOR, "form[method=post] input:checked") + [
                field for field in driver.find_elements(By.CSS_SELECTOR, "form[method=post] input[type=text], form[method=post] textarea")
                if field.get_attribute("value")]
            if not kept:
                fail("the first section's answers were lost after «Назад»")
            submit(button("next"))
            if progress() != "Раздел 2 из %d" % sections:
                fail("«Далее» after «Назад» did not come back to the second section")
            fill_page()
        submit(button("next"))
        if driver.find_elements(By.CSS_SELECTOR, ".summary"):
            errors = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".summary li")]
            fail(f"section {number} refused: {errors}")

    if heading() != "Проверьте ответы":
        fail(f"no review page after the last section: {heading()!r}")
    if marker not in driver.page_source:
        fail("the review page does not show the typed answer")
    check_width()
    driver.save_screenshot(f"{out}/review-phone.png")
    review_url = driver.current_url
    # The same review page in a second tab: a page kept open, to be sent again later.
    first_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(review_url)
    stale_tab = driver.current_window_handle
    driver.switch_to.window(first_tab)

    submit(button("send"))
    if not driver.current_url.endswith("/thanks") or "Спасибо" not in driver.page_source:
        fail(f"not on the thank-you page: {driver.current_url}")
    driver.save_screenshot(f"{out}/thanks-phone.png")

    # Back: the review page again — it says the answers were received (or, if the browser kept
    # the old page, sending it again says so).
    driver.back()
    wait_loaded()
    if ALREADY not in driver.page_source and button("send"):
        submit(button("send"))
    if ALREADY not in driver.page_source:
        fail(f"Back after sending does not say «{ALREADY}»: {driver.current_url}")
    driver.save_screenshot(f"{out}/repeat-phone.png")

    # The page kept open in the other tab sent again.
    driver.switch_to.window(stale_tab)
    submit(button("send"))
    if ALREADY not in driver.page_source:
        fail(f"a second «Отправить» does not say «{ALREADY}»")
    print(f"browser: {sections} sections answered, review checked, sent once; Back and a resend say «{ALREADY}»", file=sys.stderr)

    # Desktop views of the review and the repeat page (a new filling, to see its review page).
    resize(1280, 900)
    driver.save_screenshot(f"{out}/repeat-desktop.png")
finally:
    driver.quit()
PY

# --- In the store? --------------------------------------------------------------------------------
"$ANKETA_BIN" export "$QUESTIONNAIRE" --wave "$WAVE" --unit "Школа № 1" --db "$DB" -o "$WORK/export.csv" >&2
if ! grep -q "$MARKER" "$WORK/export.csv"; then
    log "the response is not in the store"; exit 1
fi
rows=$(($(wc -l <"$WORK/export.csv") - 1))
[ "$rows" -eq 1 ] || { log "expected exactly 1 response in the export (Back + resend must store nothing), found $rows"; exit 1; }
log "OK: 1 response stored; screenshots in ${OUT#"$ROOT"/}/"
