/*
 * A page for the view parts' unit tests: happy-dom's window installed as the globals the parts use
 * (window, document, CSS, the element classes). Not a test file itself.
 */
import { Window } from "happy-dom";

/**
 * A fresh window at `url` holding `html` in its body; its globals replace the previous page's.
 * @param {string} html
 * @param {string} [url]
 */
export function page(html, url = "http://localhost/self-check/") {
  const window = new Window({ url });
  window.document.body.innerHTML = html;
  for (const name of [
    "window",
    "document",
    "CSS",
    "HTMLElement",
    "HTMLAnchorElement",
    "Node",
    "Event",
    "localStorage",
  ]) {
    Object.defineProperty(globalThis, name, {
      value: name === "window" ? window : window[name],
      configurable: true,
      writable: true,
    });
  }
  return window;
}
