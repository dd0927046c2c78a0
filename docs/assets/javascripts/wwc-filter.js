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
(function () {
  "use strict";

  var BOUND = "wwcFilterBound";

  function tokens(value) {
    return (value || "").split(/\s+/).filter(Boolean);
  }

  /* The list the form filters: the next ul.wwc-study-list after the form, else the first on the page. */
  function findList(form) {
    var node = form.nextElementSibling;
    while (node) {
      if (node.matches && node.matches("ul.wwc-study-list")) return node;
      var inner = node.querySelector && node.querySelector("ul.wwc-study-list");
      if (inner) return inner;
      node = node.nextElementSibling;
    }
    return document.querySelector("ul.wwc-study-list");
  }

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  function readQuery() {
    var result = {};
    try {
      var params = new URLSearchParams(window.location.search);
      params.forEach(function (value, key) { result[key] = value; });
    } catch (e) { /* old browser or odd URL: start unfiltered */ }
    return result;
  }

  function writeQuery(selects) {
    try {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var facet = select.getAttribute("data-facet");
        if (select.value) params.set(facet, select.value);
        else params.delete(facet);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (window.history && window.history.replaceState) {
        window.history.replaceState(window.history.state, "", url);
      }
    } catch (e) { /* some browsers refuse history changes on file://; filtering still works */ }
  }

  function bind(form) {
    if (form.dataset[BOUND] === "true") return;
    var list = findList(form);
    if (!list) return;
    form.dataset[BOUND] = "true";

    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
    var status = form.querySelector(".wwc-filter-status");
    var reset = form.querySelector('button[type="reset"]');
    /* Texts come from the markup (data-text-*), with plain defaults. */
    var texts = {
      some: form.getAttribute("data-text-some") || "Showing {shown} of {total}",
      none: form.getAttribute("data-text-none") || "Showing 0 of {total}"
    };
    var items = Array.prototype.slice.call(list.querySelectorAll("li.wwc-study"));

    function apply(updateUrl) {
      var chosen = selects
        .filter(function (select) { return select.value; })
        .map(function (select) { return [select.getAttribute("data-facet"), select.value]; });
      var shown = 0;
      items.forEach(function (item) {
        var match = chosen.every(function (pair) {
          return tokens(item.getAttribute("data-" + pair[0])).indexOf(pair[1]) !== -1;
        });
        item.hidden = !match;
        item.style.display = match ? "" : "none";
        if (match) shown += 1;
      });
      if (status) {
        var template = shown === 0 ? texts.none : texts.some;
        status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(items.length));
      }
      if (reset) reset.hidden = chosen.length === 0;
      if (updateUrl) writeQuery(selects);
    }

    var query = readQuery();
    selects.forEach(function (select) {
      var wanted = query[select.getAttribute("data-facet")];
      if (wanted && hasOption(select, wanted)) select.value = wanted;
      select.addEventListener("change", function () { apply(true); });
      select.addEventListener("input", function () { apply(true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      /* The button hides once nothing is chosen: keep keyboard focus in the form. */
      var hadFocus = reset && document.activeElement === reset;
      window.setTimeout(function () {
        apply(true);
        if (hadFocus && selects.length) selects[0].focus();
      }, 0);
    });
    apply(false);
  }

  function init() {
    var forms = document.querySelectorAll("form[data-wwc-filter]");
    for (var i = 0; i < forms.length; i++) {
      try { bind(forms[i]); } catch (e) { /* leave the full, unfiltered list */ }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
  if (typeof window.document$ !== "undefined" && window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { init(); });
  }
})();
