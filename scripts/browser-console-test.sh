#!/usr/bin/env bash
# End-to-end check of the admin console in headless Chromium, with screenshots at 1280 px and 390 px.
# Starts a fresh server (scripts/lib/test-server.sh), loads last year's and this year's sample
# answers around a run made in the console, then as a municipal methodist creates a school
# administrator; as that administrator signs in with the one-time password (forced change), opens
# the run (live summary, dynamics note), asks to close it (confirmation), closes and reopens it,
# uploads a broken questionnaire (errors with line:column) and previews a questionnaire. Every page
# is checked for sideways scrolling on a phone. Screenshots go to Results/browser/console-*.png.
#
#   ANKETA_BIN=.build/debug/anketa scripts/browser-console-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/Results/browser"
log() { printf '[browser-console] %s\n' "$*" >&2; }

python3 -c 'import selenium' 2>/dev/null || python3 -m pip install --quiet selenium
scripts/install-deps.sh
if [ -z "${ANKETA_BIN:-}" ]; then
    swift build --product anketa >&2
    ANKETA_BIN="$(swift build --show-bin-path)/anketa"
fi

# shellcheck source=lib/test-server.sh
source "$ROOT/scripts/lib/test-server.sh"
test_server_start "$ANKETA_BIN" "$ROOT"
# Last year's answers first: the run's справка compares with them. Copies, so that the samples'
# rejects files are written in the throw-away folder.
cp "$ROOT/Samples/parents-satisfaction-2025.csv" "$ROOT/Samples/parents-satisfaction-2026.csv" "$WORK/"
"$ANKETA_BIN" ingest "$ROOT/Questionnaires/parents-satisfaction.yaml" "$WORK/parents-satisfaction-2025.csv" \
    --wave 2025-весна --unit "Школа № 1" --db "$DB" >/dev/null 2>&1
test_server_create_run parents-satisfaction 2026-весна
"$ANKETA_BIN" ingest "$ROOT/Questionnaires/parents-satisfaction.yaml" "$WORK/parents-satisfaction-2026.csv" \
    --wave 2026-весна --unit "Школа № 1" --db "$DB" >/dev/null 2>&1

mkdir -p "$OUT"
rm -f "$OUT"/console-*.png
python3 - "$BASE" "$RUN_URL" "$OUT" "$TEST_SERVER_LOGIN" "$TEST_SERVER_PASSWORD" "$PWD/scripts/lib" <<'PY'
import re, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, sys.argv[6])  # scripts/lib
from browser_wait import click_and_wait
base, run_url, out, login, password = sys.argv[1:6]
run_path = run_url[len(base):] if run_url.startswith(base) else run_url
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
             "--force-device-scale-factor=1", "--lang=ru-RU"):
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)

def fail(message):
    driver.save_screenshot(f"{out}/console-failure.png")
    print("FAIL:", message, file=sys.stderr)
    driver.quit()
    sys.exit(1)

def resize(width, height):
    driver.set_window_size(width, height)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])

def submit(button):
    click_and_wait(driver, button)

def shoot(name):
    """The current page at 1280 px and at 390 px (full height), checking a phone never scrolls sideways."""
    url = driver.current_url
    for width, suffix in ((1280, "desktop"), (390, "phone")):
        resize(width, 900)
        driver.get(url)
        if width == 390:
            scroll = driver.execute_script("return document.documentElement.scrollWidth")
            if scroll > 390:
                fail(f"{name} scrolls sideways on a phone: {scroll}px wide")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        resize(width, min(height, 6000))
        driver.save_screenshot(f"{out}/console-{name}-{suffix}.png")
    resize(1280, 900)

def sign_in(user, secret):
    driver.get(base + "/login")
    driver.find_element(By.ID, "login").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(secret)
    submit(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))

def sign_out():
    submit(driver.find_element(By.CSS_SELECTOR, "header form button"))

try:
    resize(1280, 900)
    # The methodist makes a school administrator.
    sign_in(login, password)
    driver.get(base + "/admin/users")
    driver.find_element(By.ID, "login").send_keys("zavuch")
    driver.find_element(By.CSS_SELECTOR, "input[name=role][value=school_administrator]").click()
    driver.find_element(By.ID, "unit").send_keys("Школа № 1")
    submit(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/users'] button[type=submit]"))
    match = re.search(r'<span class="password">([^<]+)</span>', driver.page_source)
    if not match:
        fail("no one-time password on the users page")
    one_time = match.group(1)
    resize(1280, 900)
    driver.save_screenshot(f"{out}/console-users-desktop.png")
    resize(390, 900)
    driver.save_screenshot(f"{out}/console-users-phone.png")
    resize(1280, 900)
    sign_out()

    # The school administrator must change the one-time password first.
    sign_in("zavuch", one_time)
    if not driver.current_url.endswith("/admin/password"):
        fail("a one-time password did not lead to the password page: " + driver.current_url)
    shoot("password")
    driver.find_element(By.ID, "current").send_keys(one_time)
    driver.find_element(By.ID, "new").send_keys("пароль завуча 2026")
    driver.find_element(By.ID, "repeat").send_keys("пароль завуча 2026")
    submit(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/password'] button[type=submit]"))
    if "Пароль изменён" not in driver.page_source:
        fail("the password was not changed")
    shoot("runs")

    # The run: live summary, dynamics, downloads; close after confirmation, reopen.
    driver.get(base + run_path)
    if "<svg class=\"bar\"" not in driver.page_source:
        fail("no summary bars on the run page")
    if "2025-весна" not in driver.page_source:
        fail("the run page does not name the wave the справка compares with")
    shoot("run")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Завершить сейчас").click()
    WebDriverWait(driver, 20).until(lambda d: "Завершить опрос?" in d.page_source)
    shoot("close")
    submit(driver.find_element(By.CSS_SELECTOR, "form input[name=confirm]").find_element(By.XPATH, "..").find_element(By.TAG_NAME, "button"))
    if "Возобновить опрос" not in driver.page_source:
        fail("the run was not closed")
    submit(driver.find_element(By.XPATH, "//button[contains(., 'Возобновить опрос')]"))
    if "Завершить сейчас" not in driver.page_source:
        fail("the run was not reopened")

    # The test server has no public URL: the poster refuses to print a loopback link.
    driver.get(base + run_path + "/poster")
    if "Эту ссылку нельзя печатать" not in driver.page_source or "--public-url" not in driver.page_source:
        fail("the poster printed a link respondents cannot open")
    shoot("poster-refused")

    # Preview a questionnaire as respondents see it.
    driver.get(base + "/admin/questionnaires/parents-satisfaction/preview")
    if "Предпросмотр." not in driver.page_source:
        fail("no preview banner")
    shoot("preview")
    sign_out()

    # The methodist uploads a broken definition: every problem with line:column.
    sign_in(login, password)
    driver.get(base + "/admin/questionnaires")
    area = driver.find_element(By.ID, "yaml")
    area.send_keys("id: broken\nversion: 1\ntitle: Сломанная\naudience: parents\nquestions:\n  - id: q1\n    text: Вопрос\n    type: single\n    scale: nowhere\n")
    submit(driver.find_element(By.CSS_SELECTOR, "form[action='/admin/questionnaires'] button[type=submit]"))
    if "анкета.yaml:9:" not in driver.page_source:
        fail("the upload's error has no line:column")
    resize(1280, 900)
    driver.save_screenshot(f"{out}/console-upload-error-desktop.png")
    resize(390, 900)
    driver.find_element(By.ID, "upload-errors").location_once_scrolled_into_view
    driver.save_screenshot(f"{out}/console-upload-error-phone.png")
    print("browser-console: users, forced password change, run summary, close/reopen, preview, upload errors", file=sys.stderr)
finally:
    driver.quit()
PY
log "OK; screenshots in ${OUT#"$ROOT"/}/console-*.png"
