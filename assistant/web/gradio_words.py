"""Gradio's own English words on our pages, in the page's language.

Gradio writes some words itself, in English whatever the page's language, and its frontend has no Danish locale:
the login form ("Login", "username"), the chat's buttons ("Clear", "Copy message", "Like": tooltips and screen-reader
labels), the upload area's label, the toasts' titles ("Error") and ``<html lang="en">``. A small script, given
to the page's ``<head>``, puts our words in their place as the page renders and again when the language is switched
(``window.minutesLanguage("en")``, called by the language picker), and keeps ``<html lang>`` the page's language.

Only whole texts are replaced (a text node or an attribute equal to a word, or starting with a prefix): the minutes'
own text is never touched.
"""

from __future__ import annotations

import json

from assistant.web.texts import ui

# Gradio's English (its "core" locale and components, gradio 6.31) -> our UI key. Whole texts.
WORDS = {
    "Login": "gr_login",
    "username": "gr_username",
    "password": "gr_password",
    "Incorrect Credentials": "gr_incorrect",
    "Clear": "gr_clear",
    "Copy message": "gr_copy_message",
    "Copy conversation": "gr_copy_conversation",
    "Like": "gr_like",
    "Dislike": "gr_dislike",
    "chatbot conversation": "gr_conversation",
    "Click to upload or drop files": "gr_upload_files",
    "Remove this file": "gr_remove_file",
    "common.upload": "gr_upload_more",  # an untranslated key Gradio shows as the label of "add more files"
    "Error": "gr_error",
    "Warning": "gr_warning",
}
# Labels that start with Gradio's words and go on with a message's own text.
PREFIXES = {"bot's message: ": "gr_bot_message", "user's message: ": "gr_user_message"}
# Where Gradio writes them: text nodes, and these attributes.
ATTRIBUTES = ("aria-label", "title")
LANGUAGES = ("da", "en")

_SCRIPT = r"""<script>
(() => {
  const words = %(words)s, prefixes = %(prefixes)s, attrs = %(attrs)s, langs = %(langs)s;
  // text in messages, sources and meetings is the user's or the minutes': never swapped
  const own = ".message-wrap, .source-view, .meeting-view, .case-view, textarea, input";
  let lang = %(lang)s;
  // every form of a word (Gradio's English, ours in each language) -> its forms by language
  const forms = new Map();
  for (const w of words) for (const v of Object.values(w)) forms.set(v, w);
  // a message's label is Gradio's prefix and the message's markdown source; ours reads its rendered text
  const swapText = (s, el) => {
    const w = forms.get(s);
    if (w) return w[lang];
    for (const p of prefixes) for (const v of Object.values(p)) if (s.startsWith(v)) {
      const text = el && el.innerText ? el.innerText.replace(/\s+/g, " ").trim() : s.slice(v.length);
      return p[lang] + text;
    }
    return s;
  };
  const swapNode = (el) => {
    if (el.nodeType === Node.TEXT_NODE) {
      if (el.parentElement?.closest(own)) return;
      const t = el.nodeValue.trim(), u = t && swapText(t);
      if (u && u !== t) el.nodeValue = el.nodeValue.replace(t, u);
      return;
    }
    if (el.nodeType !== Node.ELEMENT_NODE) return;
    for (const a of attrs) {
      const v = el.getAttribute(a);
      if (v) { const u = swapText(v, el); if (u !== v) el.setAttribute(a, u); }
    }
  };
  const swapTree = (root) => {
    swapNode(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) swapNode(n);
  };
  const keepLang = () => {  // Gradio sets <html lang> to its own locale (English) as it starts
    if (document.documentElement.lang !== lang) document.documentElement.lang = lang;
  };
  window.minutesLanguage = (l) => {
    if (!langs.includes(l)) return;
    lang = l;
    keepLang();
    if (document.body) swapTree(document.body);
  };
  const start = () => {
    keepLang();
    new MutationObserver(keepLang).observe(document.documentElement, {attributes: true, attributeFilter: ["lang"]});
    swapTree(document.body);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "attributes" || r.type === "characterData") swapNode(r.target);
        else r.addedNodes.forEach(swapTree);
        const labelled = (r.target.nodeType === Node.ELEMENT_NODE ? r.target : r.target.parentElement)
          ?.closest("[aria-label]");
        if (labelled) swapNode(labelled);  // a message's text changed: its label follows
      }
    }).observe(document.body, {childList: true, subtree: true, characterData: true, attributes: true,
                               attributeFilter: attrs});
  };
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
</script>"""


def _forms(english: str, key: str) -> dict[str, str]:
    return {"gradio": english, **{lang: ui(key, lang) for lang in LANGUAGES}}


def script(lang: str) -> str:
    """The ``<script>`` for a page that starts in ``lang``; JSON in it has "</" escaped, so nothing closes it."""

    def data(value: object) -> str:
        return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")

    return _SCRIPT % {
        "words": data([_forms(e, k) for e, k in WORDS.items()]),
        "prefixes": data([_forms(e, k) for e, k in PREFIXES.items()]),
        "attrs": data(list(ATTRIBUTES)),
        "langs": data(list(LANGUAGES)),
        "lang": data(lang if lang in LANGUAGES else "da"),
    }
