import { sameCamera, type ViewState } from './view-state';

export type HistoryAction = 'push' | 'replace' | 'none';

/**
 * How each field's change enters browser history. A mapped type over every field, so a new field does not
 * compile until someone decides whether Back should step over it. Camera moves are continuous: recording
 * each would bury the deliberate steps under pans, so they only replace (the caller throttles).
 */
const ACTION_ON_CHANGE: { readonly [K in keyof ViewState]: 'push' | 'replace' } = {
  camera: 'replace',
  level: 'push',
  indicator: 'push',
  year: 'push',
  classification: 'push',
  selected: 'push',
  compare: 'push',
  zones: 'push',
  lang: 'push',
  panel: 'push',
  chart: 'push',
  lines: 'push',
  chartIndex: 'push',
  embed: 'push',
  basemap: 'push',
};

const FIELDS = Object.keys(ACTION_ON_CHANGE) as (keyof ViewState)[];

function fieldChanged(field: keyof ViewState, prev: ViewState, next: ViewState): boolean {
  switch (field) {
    case 'camera':
      return !sameCamera(prev.camera, next.camera);
    case 'compare':
    case 'lines':
      return prev[field].length !== next[field].length || prev[field].some((id, i) => id !== next[field][i]);
    default:
      return prev[field] !== next[field];
  }
}

export function historyActionFor(prev: ViewState, next: ViewState): HistoryAction {
  const changed = FIELDS.filter((field) => fieldChanged(field, prev, next));
  if (changed.length === 0) return 'none';
  return changed.some((field) => ACTION_ON_CHANGE[field] === 'push') ? 'push' : 'replace';
}
