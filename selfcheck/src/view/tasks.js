/*
 * Start-up work in short tasks: a long task delays a tap (and counts as blocking time) where
 * several short ones, with the browser's turn between them, do not.
 */

/** Lets the browser paint and answer input before the next piece of work. */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
