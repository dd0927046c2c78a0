/*
 * What the several-assessments parts share: the root element they own and the context multi.js
 * gives them (model, settings, texts, edition names, and the calls that reach the other parts).
 */

export class ContextPart {
  /**
   * @param {HTMLElement} root
   * @param {any} ctx
   */
  constructor(root, ctx) {
    this.root = root;
    this.ctx = ctx;
    this.texts = ctx.texts;
  }
}
