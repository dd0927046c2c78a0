/*
 * Team work's parts on the self-check page (issue 25, part A): the person's name (set in the
 * assessments view, shown where one answers), each criterion's history on request and the history
 * list. History is recorded by the model (lib/assessments.js), not here: these parts only show it.
 *
 *   const team = createTeam(host);   // host: {root, form, data, edition, checklists, current()}
 *   team.update(criterionId);        // after every change (null: everything)
 *   team.render();                   // when the assessments view is shown
 */

import { ELEMENTS } from "./elements.js";
import { CriterionHistory } from "./parts/criterion-history.js";
import { HistoryList } from "./parts/history.js";
import { PersonLine, PersonSetting } from "./parts/person.js";
import { requireElement } from "./view/dom.js";

/**
 * @param {{root: HTMLElement, form: HTMLElement, data: any, edition: any, checklists: any, current: () => any}} host
 */
export function createTeam(host) {
  const texts = host.data.assessments.texts;
  const words = { texts, edition: host.edition, checklists: host.checklists, current: host.current };
  const person = new PersonSetting(requireElement(host.root, `#${ELEMENTS.person}`), texts);
  const personLine = new PersonLine(requireElement(host.root, `#${ELEMENTS.person_line}`), texts);
  const history = new HistoryList(requireElement(host.root, `#${ELEMENTS.history}`), words);
  /** @type {Map<string, CriterionHistory>} the disclosures made so far (as evidence panels open) */
  const perCriterion = CriterionHistory.attach(host.form, words);

  return {
    person,
    personLine,
    history,
    /** @param {string | null} criterionId */
    update(criterionId) {
      const one = criterionId ? perCriterion.get(criterionId) : null;
      if (one) {
        one.update();
      } else {
        perCriterion.forEach((part) => {
          part.update();
        });
      }
      history.update();
    },
    render() {
      history.render();
    },
  };
}
