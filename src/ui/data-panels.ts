/** The data panels, one chunk fetched when the first of them opens (DataPanel.tsx). */
export { TablePanel } from './TablePanel';
export { ComparePanel } from './ComparePanel';
export { SourcesPanel } from './SourcesPanel';
export { ChartsPanel } from './ChartsPanel';
