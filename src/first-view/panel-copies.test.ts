import { describe, expect, it } from 'vitest';
import { pickPanelCopy } from './panel-copies';

const zh = JSON.stringify({ v: '1', lang: null, level: null });
const en = JSON.stringify({ v: '1', lang: 'en', level: null });

describe('pickPanelCopy', () => {
  const copies = [
    { layout: 'desktop', picture: zh },
    { layout: 'desktop', picture: en },
    { layout: 'phone', picture: zh },
  ];

  it("picks the copy whose link rule the link meets, for the screen's layout", () => {
    expect(pickPanelCopy(copies, '', '', 'desktop')).toBe(0);
    expect(pickPanelCopy(copies, '?lang=en', '', 'desktop')).toBe(1);
    expect(pickPanelCopy(copies, '?v=1', '', 'phone')).toBe(2);
    // Parameters the rule does not name leave the panels as they are (kept for others, ignored by the app).
    expect(pickPanelCopy(copies, '?utm_source=x', '', 'desktop')).toBe(0);
  });

  it('picks none where the link asks for other panels, or no copy was built for the layout', () => {
    expect(pickPanelCopy(copies, '?level=cities', '', 'desktop')).toBe(-1);
    expect(pickPanelCopy(copies, '?v=2', '', 'desktop')).toBe(-1);
    expect(pickPanelCopy(copies, '?lang=en', '', 'phone')).toBe(-1);
  });

  it('picks none from a copy without a readable rule: an empty one would fit every link', () => {
    for (const picture of [undefined, '', '{}', '[]', 'null', '{"v":', '"x"']) {
      expect(pickPanelCopy([{ layout: 'desktop', picture }], '', '', 'desktop'), String(picture)).toBe(-1);
    }
  });
});
