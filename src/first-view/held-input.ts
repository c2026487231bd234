/**
 * What a reader does to the panels' copy (panels.tsx) before the app renders its panels over it: clicks on its
 * buttons, checkboxes and the legend's summary, and values typed or chosen. They are done again on the same elements
 * once these work: Preact's render keeps the elements it finds, so the elements held are the live ones, and the
 * render first puts each back as the state has it (an `open`, a `value`), so doing the action again ends where the
 * reader meant. Keys other than typing (Enter in the search) are not held.
 */

type HeldAction =
  | { kind: 'click'; target: HTMLElement }
  | { kind: 'value'; target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; value: string };

interface HeldInput {
  actions: HeldAction[];
  stop(): void;
}

const HELD = Symbol.for('chengyu-atlas.held-panel-input');

/** Clicks that act; a click on a label reaches its checkbox as a click of its own, which is the one held. */
const CLICKED = 'button, summary, input[type="checkbox"], input[type="radio"]';

function isValueField(target: EventTarget | null): target is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'radio';
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

/** Starts holding what is done inside `root`, until `replayHeldInput(root)`. */
export function holdInput(root: HTMLElement): void {
  const actions: HeldAction[] = [];
  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest(CLICKED) : null;
    if (target instanceof HTMLElement && root.contains(target)) actions.push({ kind: 'click', target });
  };
  const onValue = (event: Event) => {
    const { target } = event;
    if (!isValueField(target)) return;
    // One entry per field, where its value last changed: typing a word is one action, not one per key.
    const last = actions.at(-1);
    if (last?.kind === 'value' && last.target === target) actions.pop();
    actions.push({ kind: 'value', target, value: target.value });
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('input', onValue, true);
  root.addEventListener('change', onValue, true);
  const held: HeldInput = {
    actions,
    stop: () => {
      root.removeEventListener('click', onClick, true);
      root.removeEventListener('input', onValue, true);
      root.removeEventListener('change', onValue, true);
    },
  };
  Object.assign(root, { [HELD]: held });
}

/** Does again, in order, what was held on `root`, on the elements still in the page; then holds no more. */
export function replayHeldInput(root: HTMLElement): void {
  const held = (root as unknown as Record<symbol, HeldInput | undefined>)[HELD];
  if (!held) return;
  held.stop();
  delete (root as unknown as Record<symbol, unknown>)[HELD];
  for (const action of held.actions) {
    if (!action.target.isConnected) continue;
    if (action.kind === 'click') {
      action.target.click();
      continue;
    }
    action.target.value = action.value;
    action.target.dispatchEvent(new Event('input', { bubbles: true }));
    action.target.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
