#!/usr/bin/env python3
"""Goes through a survey's sections with «Далее» and prints the visitor's cookie token and a body
with an answer to every question (the first option of each, text in text fields), for the
benchmarks: `read -r TOKEN BODY < <(python3 scripts/lib/form-answers.py URL [TEXT])`.
The body carries `csrf` but no form token: add `&form=<token>` of a freshly opened form."""
import http.cookiejar, sys, urllib.parse, urllib.request
from html.parser import HTMLParser

class Form(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.hidden, self.seen, self.next = [], {}, set(), False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("type") == "hidden":
            self.hidden[a["name"]] = a.get("value", "")
        elif tag == "input" and a.get("type") in ("radio", "checkbox") and a["name"] not in self.seen:
            self.seen.add(a["name"]); self.fields.append((a["name"], a["value"]))
        elif tag == "input" and a.get("type") == "text":
            self.fields.append((a["name"], "5" if a.get("inputmode") == "decimal" else "5А"))
        elif tag == "textarea":
            self.fields.append((a["name"], (sys.argv[2] if len(sys.argv) > 2 else "Нагрузочная проверка")))
        elif tag == "button" and a.get("value") == "next":
            self.next = True

url = sys.argv[1]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
html = opener.open(url).read().decode()
answers = []
for _ in range(100):
    form = Form(); form.feed(html)
    answers += form.fields
    if not form.next: break
    data = urllib.parse.urlencode(list(form.hidden.items()) + form.fields + [("go", "next")]).encode()
    html = opener.open(url, data).read().decode()   # 303 to the next page, followed
token = next(c.value for c in jar if c.name == "anketa_csrf")
print(token, urllib.parse.urlencode([("csrf", token)] + answers))
