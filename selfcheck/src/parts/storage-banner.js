/*
 * The storage banner (#wwc-sc-banner): the page's one voice about saving. It says what could not be
 * read, what is kept aside (with a download) and, after every change, whether saving failed; it talks
 * only to the model (lib/assessments.js). User text goes in through textContent only.
 */

import { format, formatCount } from "../lib/format.js";
import { button } from "../view/controls.js";
import { element } from "../view/dom.js";
import { ContextPart } from "../view/part.js";

export class Banner extends ContextPart {
  constructor(root, ctx) {
    super(root, ctx);
    this.wasFailing = false;
    root.setAttribute("role", "alert");
  }

  messages(status) {
    const t = this.texts;
    const list = [];
    if (status.newerVersion) {
      list.push(format(t.banner_newer, { version: status.newerVersion }));
    } else if (status.readFailed) {
      list.push(t.banner_read_failed);
    } else if (status.corrupt) {
      list.push(t.banner_corrupt);
    } else if (!status.available) {
      list.push(t.banner_unavailable);
    } else if (status.saveFailed) {
      list.push(t.banner_save_failed);
    }
    return list;
  }

  /* Called after every change: a failed save is said again each time (so a screen reader hears it
     on every change), and the warning clears as soon as a save works again. */
  render() {
    const t = this.texts;
    const status = this.ctx.model.status();
    const failing = this.messages(status);
    const nodes = failing.map((message) => element("p", "wwc-sc-banner-warning", message));
    if (failing.length) {
      nodes.push(this.exportButton(t.banner_export, "wwc-sc-banner-export", false));
    }
    if (status.unreadableCopy) {
      nodes.push(element("p", "wwc-sc-banner-note", format(t.banner_unreadable_copy, { key: status.unreadableCopy })));
    }
    if (status.keptAside?.length) {
      nodes.push(
        element(
          "p",
          "wwc-sc-banner-note",
          formatCount(t.banner_kept_aside, status.keptAside.length, { count: status.keptAside.length }),
        ),
      );
      const list = element("ul", "wwc-sc-kept-aside");
      status.keptAside.forEach((entry) => {
        list.appendChild(
          element(
            "li",
            null,
            formatCount(t[`aside_${entry.kind.replace(/-/g, "_")}`] || entry.kind, Number(entry.count) || 0, entry),
          ),
        );
      });
      nodes.push(list, this.exportButton(t.banner_export_aside, "wwc-sc-banner-export-aside", true));
    }
    if (!failing.length && this.wasFailing) {
      nodes.unshift(element("p", "wwc-sc-banner-ok", t.banner_saved_again));
    }
    this.wasFailing = failing.length > 0;
    this.root.replaceChildren.apply(this.root, nodes);
    this.root.classList.toggle("wwc-sc-banner-failing", failing.length > 0);
    this.root.hidden = !nodes.length;
  }

  exportButton(label, id, asideOnly) {
    const node = button(label);
    node.id = id;
    node.addEventListener("click", () => {
      this.ctx.downloadBackup(asideOnly);
    });
    return node;
  }
}
