"""Waiting for a plain POST to replace the page, shared by the browser tests.

Under load chromedriver sometimes answers a query on a replaced node with "Node … does not belong to
the document" (a WebDriverException, not a StaleElementReferenceException), which selenium's
staleness_of lets through: that too means the page was replaced.
"""
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def gone(element):
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


def click_and_wait(driver, button, timeout=20):
    """Clicks `button` and waits until the next page has replaced this one and finished loading."""
    page = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, timeout).until(lambda _: gone(page))
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.readyState") == "complete")
