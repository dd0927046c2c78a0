/* wwc-filter.js: filters a list of case studies by facets, offline and without a server.
 *
 * Markup (rendered at build time by macros/casestudies.py; the full list shows without JavaScript):
 *   <form data-wwc-filter="case-studies">
 *     <select data-facet="<edition id>"><option value="">All</option>...</select> ...
 *     <button type="reset">Show all</button>
 *     <p class="wwc-filter-status" role="status"></p>
 *   </form>
 * The form's data-text-some / data-text-none hold the status texts ({shown}, {total} filled in); the
 * reset button shows only while a filter is chosen.
 *   <ul class="wwc-study-list"><li class="wwc-study" data-<edition id>="<group id> <group id>" ...>
 *
 * An item is shown when, for every select with a value, its data-<facet> attribute (a space-separated
 * list) contains that value. The chosen values are kept in the URL query (?<edition id>=<group id>)
 * so a trainer can share a filtered link. Classic script (works from file://), no network.
 */
import { onEveryPage } from "../view/on-page.js";

(() => {
  const BOUND = "wwcFilterBound";

  function tokens(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* The list the form filters: the next ul.wwc-study-list after the form, else the first on the page. */
  function findList(form) {
    let node = form.nextElementSibling;
    while (node) {
      if (node.matches?.("ul.wwc-study-list")) return node;
      const inner = node.querySelector?.("ul.wwc-study-list");
      if (inner) return inner;
      node = node.nextElementSibling;
    }
    return document.querySelector("ul.wwc-study-list");
  }

  function hasOption(select, value) {
    for (let i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  function readQuery() {
    const result = {};
    try {
      const params = new URLSearchParams(window.location.search);
      params.forEach((value, key) => {
        result[key] = value;
      });
    } catch (_e) {
      /* old browser or odd URL: start unfiltered */
    }
    return result;
  }

  function writeQuery(selects) {
    try {
      const params = new URLSearchParams(window.location.search);
      selects.forEach((select) => {
        const facet = select.getAttribute("data-facet");
        if (select.value) params.set(facet, select.value);
        else params.delete(facet);
      });
      const query = params.toString();
      const url = window.location.pathname + (query ? `?${query}` : "") + window.location.hash;
      if (window.history?.replaceState) {
        window.history.replaceState(window.history.state, "", url);
      }
    } catch (_e) {
      /* some browsers refuse history changes on file://; filtering still works */
    }
  }

  function bind(form) {
    if (form.dataset[BOUND] === "true") return;
    const list = findList(form);
    if (!list) return;
    form.dataset[BOUND] = "true";

    const selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    const status = form.querySelector(".wwc-filter-status");
    const reset = form.querySelector('button[type="reset"]');
    /* Texts come from the markup (data-text-*), with plain defaults. */
    const texts = {
      some: form.getAttribute("data-text-some") || "Showing {shown} of {total}",
      none: form.getAttribute("data-text-none") || "Showing 0 of {total}",
    };
    const items = Array.prototype.slice.call(list.querySelectorAll("li.wwc-study"));

    function apply(updateUrl) {
      const chosen = selects
        .filter((select) => select.value)
        .map((select) => [select.getAttribute("data-facet"), select.value]);
      let shown = 0;
      items.forEach((item) => {
        const match = chosen.every((pair) => tokens(item.getAttribute(`data-${pair[0]}`)).indexOf(pair[1]) !== -1);
        item.hidden = !match;
        item.style.display = match ? "" : "none";
        if (match) shown += 1;
      });
      if (status) {
        const template = shown === 0 ? texts.none : texts.some;
        status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(items.length));
      }
      if (reset) reset.hidden = chosen.length === 0;
      if (updateUrl) writeQuery(selects);
    }

    const query = readQuery();
    selects.forEach((select) => {
      const wanted = query[select.getAttribute("data-facet")];
      if (wanted && hasOption(select, wanted)) select.value = wanted;
      select.addEventListener("change", () => {
        apply(true);
      });
      select.addEventListener("input", () => {
        apply(true);
      });
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
    });
    form.addEventListener("reset", () => {
      /* The button hides once nothing is chosen: keep keyboard focus in the form. */
      const hadFocus = reset && document.activeElement === reset;
      window.setTimeout(() => {
        apply(true);
        if (hadFocus && selects.length) selects[0].focus();
      }, 0);
    });
    apply(false);
  }

  function init() {
    const forms = document.querySelectorAll("form[data-wwc-filter]");
    for (let i = 0; i < forms.length; i++) {
      try {
        bind(forms[i]);
      } catch (_e) {
        /* leave the full, unfiltered list */
      }
    }
  }

  onEveryPage(init);
})();
