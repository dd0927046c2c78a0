/*
 * Small DOM helpers shared by the self-check's view parts (wwc-sc-*.js). User text only ever
 * goes in through textContent and setAttribute: nothing here parses HTML.
 */
(function () {
  "use strict";

  var parts = window.WWCSelfCheckParts = window.WWCSelfCheckParts || {};

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
    });
  }

  function element(tag, className, textContent) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (textContent !== undefined && textContent !== null) {
      node.textContent = textContent;
    }
    return node;
  }

  /* Only writes when the text differs, so an update touches nothing that did not change. */
  function setText(node, value) {
    var next = String(value);
    if (node && node.textContent !== next) {
      node.textContent = next;
    }
  }

  function setStyle(node, property, value) {
    if (node && node.style[property] !== value) {
      node.style[property] = value;
    }
  }

  function toggleClass(node, name, on) {
    if (node && node.classList.contains(name) !== Boolean(on)) {
      node.classList.toggle(name, Boolean(on));
    }
  }

  parts.util = { format: format, element: element, setText: setText, setStyle: setStyle, toggleClass: toggleClass };
})();
